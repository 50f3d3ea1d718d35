package io.loopcrm.webhook;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An endpoint's delivery log: its deliveries newest first, 50 a page (keyset: {@code before} the
 * last one's id), each with its event and every attempt; and replaying one.
 */
public final class WebhookLog {
  public static final int PAGE = 50;

  private WebhookLog() {}

  /** One attempt of a delivery: what was answered, how fast. */
  public record Attempt(Instant at, Integer status, String error, String excerpt, int millis) {}

  /** A delivery with its event and attempts. */
  public record Delivery(
      long id,
      String type,
      String messageId,
      String recordKey,
      String payload,
      String state,
      int attempts,
      Integer lastStatus,
      String lastError,
      Instant createdAt,
      Instant nextAttemptAt,
      List<Attempt> tries) {
    public boolean isReplayable() {
      return state.equals("delivered") || state.equals("failed");
    }

    /** The message key of the state's words. */
    public String stateKey() {
      return "state_" + state;
    }

    public boolean isWaiting() {
      return state.equals("queued") || state.equals("sending");
    }
  }

  /** A page of the log, and the id to pass as {@code before} for the next (null: no more). */
  public record Page(List<Delivery> deliveries, Long next) {}

  @SuppressWarnings("unchecked")
  public static Page of(EntityManager em, long endpointId, Long before) {
    List<Object[]> rows =
        em.createNativeQuery(
                "select d.id, v.type, v.message_id, v.record_key, v.payload, d.state, d.attempts,"
                    + " d.last_status, d.last_error, v.created_at, d.next_attempt_at"
                    + " from webhook_delivery d join webhook_event v on v.id = d.event_id"
                    + " where d.endpoint_id = :e and d.id < :before order by d.id desc limit :n")
            .setParameter("e", endpointId)
            .setParameter("before", before == null ? Long.MAX_VALUE : before)
            .setParameter("n", PAGE + 1)
            .getResultList();
    boolean more = rows.size() > PAGE;
    if (more) {
      rows = rows.subList(0, PAGE);
    }
    Map<Long, List<Attempt>> tries = new LinkedHashMap<>();
    for (Object[] r : rows) {
      tries.put(((Number) r[0]).longValue(), new ArrayList<>());
    }
    if (!tries.isEmpty()) {
      List<Object[]> attempts =
          em.createNativeQuery(
                  "select delivery_id, at, status, error, response_excerpt, duration_ms"
                      + " from webhook_attempt where delivery_id in (:ids) order by id")
              .setParameter("ids", tries.keySet())
              .getResultList();
      for (Object[] a : attempts) {
        tries
            .get(((Number) a[0]).longValue())
            .add(
                new Attempt(
                    instant(a[1]),
                    a[2] == null ? null : ((Number) a[2]).intValue(),
                    (String) a[3],
                    (String) a[4],
                    ((Number) a[5]).intValue()));
      }
    }
    List<Delivery> deliveries = new ArrayList<>();
    for (Object[] r : rows) {
      long id = ((Number) r[0]).longValue();
      deliveries.add(
          new Delivery(
              id,
              (String) r[1],
              (String) r[2],
              (String) r[3],
              (String) r[4],
              (String) r[5],
              ((Number) r[6]).intValue(),
              r[7] == null ? null : ((Number) r[7]).intValue(),
              (String) r[8],
              instant(r[9]),
              instant(r[10]),
              tries.get(id)));
    }
    return new Page(deliveries, more ? deliveries.get(deliveries.size() - 1).id() : null);
  }

  private static Instant instant(Object value) {
    if (value instanceof java.sql.Timestamp t) {
      return t.toInstant();
    }
    if (value instanceof java.time.OffsetDateTime o) {
      return o.toInstant();
    }
    return (Instant) value;
  }

  /**
   * Sends a delivered or failed delivery again, with its webhook-id, as a new series of attempts;
   * whether there was such a delivery of this endpoint.
   */
  public static boolean replay(EntityManager em, long endpointId, long deliveryId) {
    return em.createNativeQuery(
                "update webhook_delivery set state = 'queued', attempts = 0,"
                    + " next_attempt_at = now() where id = :d and endpoint_id = :e"
                    + " and state in ('delivered', 'failed')")
            .setParameter("d", deliveryId)
            .setParameter("e", endpointId)
            .executeUpdate()
        == 1;
  }

  /**
   * A test event for one endpoint ({@code webhook.test}, naming the endpoint), delivered like any
   * other: what a developer checks their signature verification with.
   */
  public static void test(EntityManager em, long endpointId, Instant now) {
    // a number and an instant: nothing in it needs escaping
    String payload =
        "{\"type\":\"webhook.test\",\"timestamp\":\""
            + now
            + "\",\"data\":{\"endpointId\":"
            + endpointId
            + "}}";
    em.createNativeQuery(
            "with ev as (insert into webhook_event (message_id, type, record_key, payload, fanned)"
                + " values (:mid, 'webhook.test', :key, :payload, true) returning id)"
                + " insert into webhook_delivery (endpoint_id, event_id, record_key)"
                + " select :e, ev.id, :key from ev")
        .setParameter("mid", WebhookEvents.messageId())
        .setParameter("key", "endpoint:" + endpointId)
        .setParameter("payload", payload)
        .setParameter("e", endpointId)
        .executeUpdate();
  }
}
