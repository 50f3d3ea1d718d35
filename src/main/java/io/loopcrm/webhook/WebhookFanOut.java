package io.loopcrm.webhook;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * The step from the outbox of events to deliveries: each new event becomes one delivery per
 * endpoint switched on and subscribed to its type, a batch in one statement (the sender runs it
 * before sending).
 */
@ApplicationScoped
public class WebhookFanOut {
  /** Events fanned out in one statement. */
  static final int BATCH = 2000;

  /** The advisory lock of the fan-out ("webhook" in ASCII). */
  static final long LOCK = 0x776562686f6f6bL;

  @Inject EntityManager em;

  /**
   * Makes the deliveries of a batch of new events, one per enabled endpoint subscribed to each, in
   * one statement; how many events it took. One instance at a time (an advisory lock), so a
   * record's deliveries are made in the order of its events.
   */
  public int fanOut() {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              boolean mine =
                  (Boolean)
                      em.createNativeQuery("select pg_try_advisory_xact_lock(:key)")
                          .setParameter("key", LOCK)
                          .getSingleResult();
              if (!mine) {
                return 0;
              }
              Number events =
                  (Number)
                      em.createNativeQuery(
                              "with e as (update webhook_event set fanned = true where id in"
                                  + " (select id from webhook_event where not fanned order by id"
                                  + " limit :batch) returning id, type, record_key),"
                                  + " d as (insert into webhook_delivery (endpoint_id, event_id,"
                                  + " record_key) select ep.id, e.id, e.record_key from e"
                                  + " join webhook_endpoint ep on ep.enabled"
                                  + " and e.type = any(ep.event_types) order by e.id, ep.id)"
                                  + " select count(*) from e")
                          .setParameter("batch", BATCH)
                          .getSingleResult();
              return events.intValue();
            });
  }

  /**
   * Deletes the events older than {@code loop.webhooks.keep} that wait for nothing (every delivery
   * delivered or failed), with their deliveries and log, a batch at a time; how many.
   */
  public int purge(java.time.Duration keep) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                em.createNativeQuery(
                        "delete from webhook_event where id in (select v.id from webhook_event v"
                            + " where v.fanned and v.created_at < now() - make_interval(secs => :keep)"
                            + " and not exists (select 1 from webhook_delivery d where d.event_id = v.id"
                            + " and d.state in ('queued', 'sending'))"
                            + " order by v.id limit 5000)")
                    .setParameter("keep", (double) keep.toSeconds())
                    .executeUpdate());
  }
}
