package io.loopcrm.webhook;

import io.loopcrm.common.LoopConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Delivers the webhook events: every {@code loop.webhooks.every} it fans the new events out to the
 * endpoints subscribed to them, then claims a batch of due deliveries ({@code for update skip
 * locked}: instances share the work), posts them at once, signed, and records each attempt in the
 * delivery log. A delivery is due only when no earlier delivery of the same record to the same
 * endpoint is still waiting, so an endpoint receives a record's events in their order. One that
 * fails (no answer, not 2xx, a redirect: none is followed) is tried again after the waits of {@code
 * loop.webhooks.retries}, then failed; an endpoint that has failed for {@code
 * loop.webhooks.disable-after} without a success is disabled and its admin told. A claim is a
 * lease: if the instance dies while sending, the delivery is sent again after it, with the same
 * {@code webhook-id} (at least once).
 */
@ApplicationScoped
public class WebhookSender {
  private static final Logger LOG = Logger.getLogger(WebhookSender.class);
  static final int EXCERPT = 1000;

  @Inject EntityManager em;
  @Inject LoopConfig config;
  @Inject Clock clock;
  @Inject WebhookTargets targets;
  @Inject WebhookFanOut fanOut;

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  /** A claimed delivery with what its request needs. */
  record Claimed(
      long id,
      int attempts,
      long endpointId,
      String url,
      String secret,
      String previousSecret,
      String messageId,
      String payload) {}

  /** What an attempt came to: status null when nothing was answered. */
  record Result(Claimed delivery, Integer status, String error, String excerpt, long millis) {
    boolean delivered() {
      return status != null && status >= 200 && status < 300;
    }
  }

  @Scheduled(
      every = "${loop.webhooks.every:1s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void run() {
    for (int round = 0; round < 100; round++) {
      if (fanOut.fanOut() < WebhookFanOut.BATCH) {
        break;
      }
    }
    for (int round = 0; round < 100; round++) {
      if (sendDue() < config.webhooks().batch()) {
        return;
      }
    }
  }

  /** Every night, the events kept long enough go (a batch at a time, while there are more). */
  @Scheduled(cron = "0 30 3 * * ?", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void purge() {
    while (fanOut.purge(config.webhooks().keep()) == 5000) {
      // the next batch
    }
  }

  /** Claims and sends one batch; how many were claimed. */
  public int sendDue() {
    List<Claimed> batch = QuarkusTransaction.requiringNew().call(this::claim);
    if (batch.isEmpty()) {
      return 0;
    }
    List<CompletableFuture<Result>> sends = new ArrayList<>();
    for (Claimed c : batch) {
      sends.add(send(c));
    }
    List<Result> results = new ArrayList<>();
    for (CompletableFuture<Result> f : sends) {
      results.add(f.join());
    }
    QuarkusTransaction.requiringNew().run(() -> record(results));
    return batch.size();
  }

  @SuppressWarnings("unchecked")
  private List<Claimed> claim() {
    List<Object[]> rows =
        em.createNativeQuery(
                "update webhook_delivery d set state = 'sending', attempts = d.attempts + 1,"
                    + " next_attempt_at = now() + make_interval(secs => :lease)"
                    + " from webhook_endpoint e, webhook_event v"
                    + " where e.id = d.endpoint_id and v.id = d.event_id and d.id in ("
                    + "  select q.id from webhook_delivery q"
                    + "  join webhook_endpoint qe on qe.id = q.endpoint_id and qe.enabled"
                    + "  where q.state in ('queued', 'sending') and q.next_attempt_at <= now()"
                    + "  and not exists (select 1 from webhook_delivery p"
                    + "   where p.endpoint_id = q.endpoint_id and p.record_key = q.record_key"
                    + "   and p.state in ('queued', 'sending') and p.event_id < q.event_id)"
                    + "  order by q.next_attempt_at, q.id limit :batch for update of q skip locked)"
                    + " returning d.id, d.attempts, e.id, e.url, e.secret,"
                    + " case when e.previous_secret_until > now() then e.previous_secret end,"
                    + " v.message_id, v.payload")
            .setParameter("lease", (double) config.webhooks().lease().toSeconds())
            .setParameter("batch", config.webhooks().batch())
            .getResultList();
    List<Claimed> claimed = new ArrayList<>();
    for (Object[] r : rows) {
      claimed.add(
          new Claimed(
              ((Number) r[0]).longValue(),
              ((Number) r[1]).intValue(),
              ((Number) r[2]).longValue(),
              (String) r[3],
              (String) r[4],
              (String) r[5],
              (String) r[6],
              (String) r[7]));
    }
    return claimed;
  }

  private CompletableFuture<Result> send(Claimed c) {
    long start = System.nanoTime();
    String refused = targets.refusal(c.url());
    if (refused != null) {
      return CompletableFuture.completedFuture(new Result(c, null, refused, null, 0));
    }
    long timestamp = clock.instant().getEpochSecond();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(c.url()))
            .timeout(config.webhooks().timeout())
            .header("Content-Type", "application/json")
            .header("User-Agent", "Loop-CRM-Webhooks/1")
            .header("webhook-id", c.messageId())
            .header("webhook-timestamp", Long.toString(timestamp))
            .header(
                "webhook-signature",
                WebhookSecrets.signatures(
                    c.secret(), c.previousSecret(), c.messageId(), timestamp, c.payload()))
            .POST(HttpRequest.BodyPublishers.ofString(c.payload(), StandardCharsets.UTF_8))
            .build();
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream())
        .orTimeout(config.webhooks().timeout().toMillis() + 5000, TimeUnit.MILLISECONDS)
        .handle(
            (response, failure) -> {
              long millis = (System.nanoTime() - start) / 1_000_000;
              if (failure != null) {
                return new Result(c, null, reason(failure), null, millis);
              }
              String excerpt = excerpt(response.body());
              int status = response.statusCode();
              String error =
                  status >= 300 && status < 400
                      ? "redirect to "
                          + response.headers().firstValue("Location").orElse("?")
                          + " (not followed)"
                      : null;
              return new Result(c, status, error, excerpt, millis);
            });
  }

  private void record(List<Result> results) {
    // every attempt in one batch; the delivered ones in two statements, whatever their number;
    // the others one by one (each waits its own time)
    em.unwrap(org.hibernate.Session.class)
        .doWork(
            connection -> {
              try (java.sql.PreparedStatement insert =
                  connection.prepareStatement(
                      "insert into webhook_attempt (delivery_id, status, error, response_excerpt,"
                          + " duration_ms) values (?, ?, ?, ?, ?)")) {
                for (Result r : results) {
                  insert.setLong(1, r.delivery().id());
                  insert.setObject(2, r.status(), java.sql.Types.INTEGER);
                  insert.setString(3, r.error());
                  insert.setString(4, r.excerpt());
                  insert.setInt(5, (int) Math.min(Integer.MAX_VALUE, r.millis()));
                  insert.addBatch();
                }
                insert.executeBatch();
              }
            });
    List<Long> delivered = new ArrayList<>();
    java.util.Set<Long> answering = new java.util.HashSet<>();
    for (Result r : results) {
      if (r.delivered()) {
        delivered.add(r.delivery().id());
        answering.add(r.delivery().endpointId());
      } else {
        failed(r);
      }
    }
    if (!delivered.isEmpty()) {
      em.createNativeQuery(
              "update webhook_delivery set state = 'delivered', delivered_at = now(),"
                  + " last_status = a.status, last_error = null"
                  + " from (select distinct on (delivery_id) delivery_id, status"
                  + " from webhook_attempt where delivery_id in (:ids)"
                  + " order by delivery_id, id desc) a where webhook_delivery.id = a.delivery_id")
          .setParameter("ids", delivered)
          .executeUpdate();
      em.createNativeQuery(
              "update webhook_endpoint set failing_since = null"
                  + " where id in (:ids) and failing_since is not null")
          .setParameter("ids", answering)
          .executeUpdate();
    }
  }

  private void failed(Result r) {
    List<Duration> retries = config.webhooks().retries();
    int attempts = r.delivery().attempts();
    boolean last = attempts > retries.size();
    Duration wait = last ? Duration.ZERO : retries.get(attempts - 1);
    String error = r.error() != null ? r.error() : "answered " + r.status();
    em.createNativeQuery(
            "update webhook_delivery set state = :state, last_status = :status,"
                + " last_error = :error, next_attempt_at = now() + make_interval(secs => :wait)"
                + " where id = :id")
        .setParameter("state", last ? "failed" : "queued")
        .setParameter("status", r.status())
        .setParameter("error", error.length() > 500 ? error.substring(0, 500) : error)
        .setParameter("wait", (double) wait.toMillis() / 1000.0)
        .setParameter("id", r.delivery().id())
        .executeUpdate();
    em.createNativeQuery(
            "update webhook_endpoint set failing_since = now()"
                + " where id = :id and failing_since is null")
        .setParameter("id", r.delivery().endpointId())
        .executeUpdate();
    // failing for days without one success: disabled, and whoever registered it is told
    int disabled =
        em.createNativeQuery(
                "with off as (update webhook_endpoint set enabled = false,"
                    + " disabled_reason = 'failing' where id = :id and enabled"
                    + " and failing_since < now() - make_interval(secs => :after)"
                    + " returning id, created_by)"
                    + " insert into notification (member_id, kind, webhook_endpoint_id, mail_state)"
                    + " select m.id, 'webhook_disabled', off.id,"
                    + " notify_mail_state_of(m.email, m.notify_by)"
                    + " from off join member m on m.id = off.created_by")
            .setParameter("id", r.delivery().endpointId())
            .setParameter("after", (double) config.webhooks().disableAfter().toSeconds())
            .executeUpdate();
    if (disabled > 0) {
      LOG.warnf("webhooks: endpoint %d disabled after failing", r.delivery().endpointId());
    }
  }

  private static String excerpt(InputStream body) {
    try (InputStream in = body) {
      byte[] bytes = in.readNBytes(EXCERPT);
      String text = new String(bytes, StandardCharsets.UTF_8);
      return text.replace("\u0000", "");
    } catch (IOException e) {
      return null;
    }
  }

  private static String reason(Throwable e) {
    Throwable cause =
        e instanceof java.util.concurrent.CompletionException && e.getCause() != null
            ? e.getCause()
            : e;
    String text =
        cause.getClass().getSimpleName()
            + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    return text.length() > 500 ? text.substring(0, 500) : text;
  }
}
