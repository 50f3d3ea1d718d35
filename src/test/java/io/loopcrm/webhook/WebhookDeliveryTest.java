package io.loopcrm.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import io.loopcrm.deal.Deal;
import io.loopcrm.deal.PipelineStage;
import io.loopcrm.lead.Lead;
import io.loopcrm.lead.LeadStatus;
import io.loopcrm.people.Member;
import io.loopcrm.testing.Await;
import io.loopcrm.testing.Fixtures;
import io.loopcrm.testing.WebhookReceiver;
import io.loopcrm.testing.WebhookReceiver.Received;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Webhooks against a real HTTP receiver: events written with their change arrive signed in the
 * Standard Webhooks scheme (checked with its reference library; a tampered body fails), in the
 * record's order; a receiver that is down gets everything once it is back, each event under one
 * webhook-id; redirects are not followed; an endpoint failing for days is switched off and its
 * admin told. Each test removes its endpoint, so later tests' changes make no events.
 */
@QuarkusTest
class WebhookDeliveryTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Inject EntityManager em;
  WebhookReceiver receiver;
  Long endpointId;

  @BeforeEach
  void receive() throws Exception {
    receiver = new WebhookReceiver();
  }

  @AfterEach
  void stop() {
    receiver.close();
    if (endpointId != null) {
      QuarkusTransaction.requiringNew().run(() -> WebhookEndpoint.deleteById(endpointId));
    }
  }

  @Test
  void aChangeArrivesSignedInTheRecordsOrderAndATamperedBodyFails() throws Exception {
    Member rep = Fixtures.member(Fixtures.unique("hookrep"), List.of("sales"), null);
    Member other = Fixtures.member(Fixtures.unique("hookrep2"), List.of("sales"), null);
    WebhookEndpoint endpoint = endpoint(EventType.CODES, rep);
    Lead lead = Fixtures.lead(rep, Fixtures.unique("Hook"), "Hook Works", null);
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              Lead l = Lead.findById(lead.id);
              l.status = LeadStatus.WORKING;
              l.owner = Member.findById(other.id);
            });
    List<Received> got = awaitFor("lead", lead.id, 4);
    List<String> types = new ArrayList<>();
    for (Received r : got) {
      new Webhook(endpoint.secret).verify(r.body(), r.headers());
      types.add(JSON.readTree(r.body()).get("type").asText());
    }
    assertThat(types.get(0)).isEqualTo("lead.created");
    assertThat(types.subList(1, 4))
        .containsExactlyInAnyOrder("lead.updated", "lead.assigned", "lead.status_changed");
    JsonNode changed = body(got, "lead.status_changed");
    assertThat(changed.at("/data/status").asText()).isEqualTo("working");
    assertThat(changed.at("/previous/status").asText()).isEqualTo("assigned");
    assertThat(changed.at("/data/email").asText()).isEqualTo(lead.email);
    JsonNode assigned = body(got, "lead.assigned");
    assertThat(assigned.at("/previous/ownerId").asLong()).isEqualTo(rep.id);
    assertThat(assigned.at("/data/owner").asText()).isEqualTo(other.displayName);

    Received first = got.get(0);
    assertThat(first.header("webhook-id")).matches("msg_[a-z0-9]{27}");
    assertThat(first.header("content-type")).startsWith("application/json");
    String tampered = first.body().replace(lead.email, "someone@else.example");
    assertThatThrownBy(() -> new Webhook(endpoint.secret).verify(tampered, first.headers()))
        .isInstanceOf(WebhookVerificationException.class);
    assertThatThrownBy(
            () -> new Webhook(WebhookSecrets.generate()).verify(first.body(), first.headers()))
        .isInstanceOf(WebhookVerificationException.class);
  }

  @Test
  void aLeadFromThePublicFormIsToldWithItsCampaign() throws Exception {
    Member rep = Fixtures.member(Fixtures.unique("hookform"), List.of("sales"), null);
    WebhookEndpoint endpoint = endpoint(List.of("lead.created"), rep);
    io.loopcrm.campaign.CampaignVariant v =
        Fixtures.campaignWithVariant(Fixtures.unique("Hooked form"));
    String email = Fixtures.unique("formhook") + "@example.com";
    io.loopcrm.testing.Csrf.form()
        .formParam("lastName", "Formhook")
        .formParam("email", email)
        .formParam("company", "Form Hook Co")
        .post("/f/" + v.trackingCode)
        .then()
        .statusCode(303);
    Await.until(
        "the captured lead's event",
        Duration.ofSeconds(30),
        () -> receiver.received.stream().anyMatch(r -> r.body().contains(email)));
    Received r = receiver.received.stream().filter(x -> x.body().contains(email)).findFirst().get();
    new Webhook(endpoint.secret).verify(r.body(), r.headers());
    JsonNode b = JSON.readTree(r.body());
    assertThat(b.get("type").asText()).isEqualTo("lead.created");
    assertThat(b.at("/data/campaign").asText())
        .isEqualTo(Fixtures.reload(io.loopcrm.campaign.Campaign.class, v.campaign.id).name);
    assertThat(b.at("/data/source").asText()).isNotBlank();
  }

  @Test
  void aDealMovedToWonIsToldAsStageChangeAndWin() throws Exception {
    Member rep = Fixtures.member(Fixtures.unique("hookdeal"), List.of("sales"), null);
    endpoint(List.of("deal.created", "deal.stage_changed", "deal.won", "account.created"), rep);
    long dealId =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  io.loopcrm.customer.Account a = new io.loopcrm.customer.Account();
                  a.name = Fixtures.unique("Hooked account");
                  a.owner = Member.findById(rep.id);
                  a.persist();
                  Deal d = new Deal();
                  d.account = a;
                  d.name = Fixtures.unique("Hooked deal");
                  d.owner = Member.findById(rep.id);
                  d.stage = PipelineStage.find("kind", PipelineStage.Kind.OPEN).firstResult();
                  d.amount = new BigDecimal("1200.00");
                  d.persist();
                  return d.id;
                });
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              Deal d = Deal.findById(dealId);
              d.stage = PipelineStage.find("kind", PipelineStage.Kind.WON).firstResult();
              d.status = Deal.Status.WON;
              d.closedAt = Instant.now();
            });
    List<Received> got = awaitFor("deal", dealId, 3);
    List<String> types = new ArrayList<>();
    for (Received r : got) {
      types.add(JSON.readTree(r.body()).get("type").asText());
    }
    // deal.updated is not subscribed: not sent
    assertThat(types.get(0)).isEqualTo("deal.created");
    assertThat(types).containsExactlyInAnyOrder("deal.created", "deal.stage_changed", "deal.won");
    JsonNode won = body(got, "deal.won");
    assertThat(won.at("/data/status").asText()).isEqualTo("won");
    assertThat(won.at("/data/amount").decimalValue()).isEqualByComparingTo("1200");
  }

  @Test
  void aReceiverThatIsDownGetsEveryEventOnceItIsBack() throws Exception {
    Member rep = Fixtures.member(Fixtures.unique("hookdown"), List.of("sales"), null);
    endpoint(List.of("lead.created"), rep);
    receiver.status.set(503);
    List<Long> leads = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      leads.add(Fixtures.lead(rep, Fixtures.unique("Down"), "Down Corp", null).id);
    }
    Await.until(
        "every delivery tried twice while the receiver fails",
        Duration.ofSeconds(30),
        () -> minAttempts() >= 2);
    receiver.status.set(200);
    Await.until(
        "every delivery delivered",
        Duration.ofSeconds(30),
        () -> count("state = 'delivered'") == 5);
    Set<Long> ids = new java.util.HashSet<>();
    Map<Long, Set<String>> messageIds = new java.util.HashMap<>();
    for (Received r : receiver.received) {
      JsonNode b = JSON.readTree(r.body());
      long id = b.at("/data/id").asLong();
      ids.add(id);
      messageIds.computeIfAbsent(id, k -> new java.util.HashSet<>()).add(r.header("webhook-id"));
    }
    assertThat(ids).containsExactlyInAnyOrderElementsOf(leads);
    // every attempt of an event carries its one webhook-id
    assertThat(messageIds.values()).allSatisfy(m -> assertThat(m).hasSize(1));
    // the log keeps each attempt: the 503s and the 200
    assertThat(count("id in (select delivery_id from webhook_attempt where status = 503)"))
        .isEqualTo(5);
  }

  @Test
  void aRedirectIsNotFollowedAndAnEndpointFailingForDaysIsSwitchedOff() throws Exception {
    Member admin = Fixtures.member(Fixtures.unique("hookadmin"), List.of("admin"), null);
    endpoint(List.of("lead.created"), admin);
    receiver.status.set(302);
    Fixtures.lead(admin, Fixtures.unique("Redirect"), "Redirect Co", null);
    Await.until(
        "the delivery failed for good",
        Duration.ofSeconds(30),
        () -> count("state = 'failed'") == 1);
    assertThat(receiver.received).allSatisfy(r -> assertThat(r.path()).isEqualTo("/hook"));
    assertThat(receiver.received).hasSize(5);
    String error =
        (String)
            QuarkusTransaction.requiringNew()
                .call(
                    () ->
                        em.createNativeQuery(
                                "select error from webhook_attempt a join webhook_delivery d"
                                    + " on d.id = a.delivery_id where d.endpoint_id = :e limit 1")
                            .setParameter("e", endpointId)
                            .getSingleResult());
    assertThat(error).contains("not followed");

    // failing since six days: the next failure switches it off and tells whoever added it
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                em.createNativeQuery(
                        "update webhook_endpoint set failing_since = now() - interval '6 days'"
                            + " where id = :e")
                    .setParameter("e", endpointId)
                    .executeUpdate());
    receiver.status.set(500);
    Fixtures.lead(admin, Fixtures.unique("Failing"), "Failing Co", null);
    Await.until(
        "the endpoint switched off",
        Duration.ofSeconds(30),
        () -> !Fixtures.reload(WebhookEndpoint.class, endpointId).enabled);
    assertThat(Fixtures.reload(WebhookEndpoint.class, endpointId).disabledReason)
        .isEqualTo("failing");
    Number told =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    (Number)
                        em.createNativeQuery(
                                "select count(*) from notification where member_id = :m"
                                    + " and kind = 'webhook_disabled' and webhook_endpoint_id = :e")
                            .setParameter("m", admin.id)
                            .setParameter("e", endpointId)
                            .getSingleResult());
    assertThat(told.intValue()).isEqualTo(1);
    // switched off, it gets no new events
    Fixtures.lead(admin, Fixtures.unique("Off"), "Off Co", null);
    assertThat(count("true")).isEqualTo(2);
  }

  @Inject WebhookFanOut fanOut;

  @Test
  void eventsKeptLongEnoughGoWithTheirLogButNotOnesStillWaiting() throws Exception {
    Member rep = Fixtures.member(Fixtures.unique("hookpurge"), List.of("sales"), null);
    endpoint(List.of("lead.created"), rep);
    Lead sent = Fixtures.lead(rep, Fixtures.unique("Purged"), "Purge Co", null);
    Await.until(
        "the event delivered", Duration.ofSeconds(30), () -> count("state = 'delivered'") == 1);
    receiver.status.set(503);
    Fixtures.lead(rep, Fixtures.unique("Waiting"), "Purge Co", null);
    Await.until(
        "the second tried", Duration.ofSeconds(30), () -> minAttempts() >= 1 && count("true") == 2);
    // both forty days old: the delivered one goes with its log, the waiting one stays
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                em.createNativeQuery(
                        "update webhook_event set created_at = now() - interval '40 days'"
                            + " where id in (select event_id from webhook_delivery"
                            + " where endpoint_id = :e)")
                    .setParameter("e", endpointId)
                    .executeUpdate());
    assertThat(fanOut.purge(Duration.ofDays(30))).isGreaterThanOrEqualTo(1);
    assertThat(count("true")).isEqualTo(1);
    assertThat(count("state in ('queued', 'sending')")).isEqualTo(1);
    long log =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    ((Number)
                            em.createNativeQuery(
                                    "select count(*) from webhook_attempt a join webhook_delivery d"
                                        + " on d.id = a.delivery_id where d.endpoint_id = :e"
                                        + " and d.state = 'delivered'")
                                .setParameter("e", endpointId)
                                .getSingleResult())
                        .longValue());
    assertThat(log).isZero();
    assertThat(sent.id).isNotNull();
  }

  private WebhookEndpoint endpoint(List<String> types, Member by) {
    WebhookEndpoint e =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  WebhookEndpoint w = new WebhookEndpoint();
                  w.url = receiver.url("/hook");
                  w.eventTypes = types;
                  w.createdBy = Member.findById(by.id);
                  w.createdAt = Instant.now();
                  w.newSecret(by.id, Instant.now());
                  w.persist();
                  return w;
                });
    endpointId = e.id;
    return e;
  }

  /** The deliveries received for record {@code type:id}, at least {@code n} of them. */
  private List<Received> awaitFor(String type, long id, int n) {
    Await.until(
        n + " events of " + type + " " + id,
        Duration.ofSeconds(30),
        () -> of(type, id).size() >= n);
    return of(type, id);
  }

  private List<Received> of(String type, long id) {
    return receiver.received.stream()
        .filter(
            r -> {
              try {
                JsonNode b = JSON.readTree(r.body());
                return b.get("type").asText().startsWith(type + ".")
                    && b.at("/data/id").asLong() == id;
              } catch (Exception e) {
                return false;
              }
            })
        .collect(Collectors.toList());
  }

  private static JsonNode body(List<Received> got, String type) throws Exception {
    for (Received r : got) {
      JsonNode b = JSON.readTree(r.body());
      if (b.get("type").asText().equals(type)) {
        return b;
      }
    }
    throw new AssertionError("no " + type);
  }

  private long count(String where) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                ((Number)
                        em.createNativeQuery(
                                "select count(*) from webhook_delivery where endpoint_id = :e and "
                                    + where)
                            .setParameter("e", endpointId)
                            .getSingleResult())
                    .longValue());
  }

  private int minAttempts() {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                ((Number)
                        em.createNativeQuery(
                                "select coalesce(min(attempts), 0) from webhook_delivery"
                                    + " where endpoint_id = :e")
                            .setParameter("e", endpointId)
                            .getSingleResult())
                    .intValue());
  }
}
