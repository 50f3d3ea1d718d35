package io.loopcrm.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.loopcrm.deal.Deal;
import io.loopcrm.deal.PipelineStage;
import io.loopcrm.lead.Lead;
import io.loopcrm.lead.LeadStatus;
import io.loopcrm.people.Member;
import io.loopcrm.scoring.ScoringRule;
import io.loopcrm.testing.Csrf;
import io.loopcrm.testing.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Many people editing one record at once: every edit that is told "saved" is kept (no lost update),
 * every other one gets the conflict page, and nobody gets a 500. Edits read the record and write a
 * counter one higher, so the final counter must equal the number of saves.
 */
@QuarkusTest
class ConcurrencyTest {
  @jakarta.inject.Inject io.loopcrm.scoring.Rescoring rescoring;

  static final String REP = "conc-rep";
  static final int TRIALS = 500;
  static final int THREADS = 16;

  @Test
  @TestSecurity(user = REP, roles = "sales")
  void fiveHundredEditsOfOneDealLoseNothing() throws Exception {
    Member rep = Fixtures.member(REP, List.of("sales"), null);
    long id =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  io.loopcrm.customer.Account a = new io.loopcrm.customer.Account();
                  a.name = Fixtures.unique("Concurrent account");
                  a.owner = Member.findById(rep.id);
                  a.persist();
                  Deal d = new Deal();
                  d.name = "Counter";
                  d.account = a;
                  d.owner = a.owner;
                  d.stage = PipelineStage.listActive().get(0);
                  d.currency = "EUR";
                  d.amount = BigDecimal.ZERO;
                  d.expectedClose = LocalDate.now().plusMonths(1);
                  d.probability = 10;
                  d.persist();
                  return d.id;
                });
    Map<Integer, Integer> answers =
        trials(
            () -> {
              Deal now = Fixtures.reload(Deal.class, id);
              return Csrf.form()
                  .formParam("dealName", "Counter")
                  .formParam("amount", now.amount.add(BigDecimal.ONE).toPlainString())
                  .formParam("currency", "EUR")
                  .formParam("expectedClose", now.expectedClose.toString())
                  .formParam("version", Long.toString(now.version))
                  .post("/sales/deals/" + id);
            },
            null);
    int saved = answers.getOrDefault(303, 0);
    assertThat(answers.keySet())
        .as("answers by status; refused: " + lastRefused)
        .containsAnyOf(303)
        .isSubsetOf(303, 409);
    assertThat(Fixtures.reload(Deal.class, id).amount)
        .isEqualByComparingTo(BigDecimal.valueOf(saved));
  }

  @Test
  @TestSecurity(user = REP, roles = "sales")
  void fiveHundredEditsOfOneLeadWhileItIsRescoredLoseNothingAndConflictOnlyWithEachOther()
      throws Exception {
    Member rep = Fixtures.member(REP, List.of("sales"), null);
    Lead lead = Fixtures.lead(rep, "Counter", Fixtures.unique("Concurrent Co"), null);
    QuarkusTransaction.requiringNew().run(() -> Lead.<Lead>findById(lead.id).title = "0");
    // a scoring rule for this lead alone, whose points change while the lead is rescored
    String industry = Fixtures.unique("Concurrent industry");
    long rule =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  Lead.<Lead>findById(lead.id).industry = industry;
                  ScoringRule r = new ScoringRule();
                  r.kind = "fit";
                  r.attribute = "industry";
                  r.value = industry;
                  r.points = 5;
                  r.persist();
                  return r.id;
                });
    Runnable rescoring =
        () -> {
          QuarkusTransaction.requiringNew()
              .run(
                  () -> {
                    ScoringRule r = ScoringRule.findById(rule);
                    r.points = r.points == 5 ? 7 : 5;
                  });
          this.rescoring.rescoreLeads(List.of(lead.id));
        };
    Map<Integer, Integer> answers =
        trials(
            () -> {
              Lead now = Fixtures.reload(Lead.class, lead.id);
              return Csrf.form()
                  .formParam("firstName", now.firstName)
                  .formParam("lastName", now.lastName)
                  .formParam("company", now.company)
                  .formParam("email", now.email)
                  .formParam("phone", now.phone)
                  .formParam("region", now.region)
                  .formParam("industry", now.industry)
                  .formParam("title", Integer.toString(Integer.parseInt(now.title) + 1))
                  .formParam("version", Long.toString(now.version))
                  .post("/sales/leads/" + lead.id + "/edit");
            },
            rescoring);
    int saved = answers.getOrDefault(303, 0);
    QuarkusTransaction.requiringNew()
        .run(() -> ScoringRule.<ScoringRule>findById(rule).active = false);
    assertThat(answers.keySet())
        .as("answers by status; refused: " + lastRefused)
        .containsAnyOf(303)
        .isSubsetOf(303, 409);
    // every save kept; saves lost only to each other, never to the rescoring (with rescoring that
    // bumped the version every 50 ms, none of 500 could save)
    assertThat(Fixtures.reload(Lead.class, lead.id).title).isEqualTo(Integer.toString(saved));
  }

  @Test
  @TestSecurity(user = REP, roles = "sales")
  void parallelConversionsOfOneLeadMakeOneDeal() throws Exception {
    Member rep = Fixtures.member(REP, List.of("sales"), null);
    Lead lead = Fixtures.lead(rep, "Convert", Fixtures.unique("Converted Co"), null);
    QuarkusTransaction.requiringNew()
        .run(() -> Lead.<Lead>findById(lead.id).status = LeadStatus.ACCEPTED);
    ExecutorService pool = Executors.newFixedThreadPool(10);
    List<Future<Integer>> answers = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      answers.add(
          pool.submit(
              () ->
                  Csrf.form()
                      .formParam("dealName", "One deal")
                      .formParam("amount", "100")
                      .formParam("currency", "EUR")
                      .post("/sales/leads/" + lead.id + "/convert")
                      .statusCode()));
    }
    List<Integer> statuses = new ArrayList<>();
    for (Future<Integer> f : answers) {
      statuses.add(f.get(60, TimeUnit.SECONDS));
    }
    pool.shutdown();
    assertThat(statuses)
        .as("every click lands on the one deal or its conflict")
        .allMatch(s -> s == 303 || s == 409);
    long deals =
        QuarkusTransaction.requiringNew()
            .call(() -> Deal.count("name = ?1 and owner.id = ?2", "One deal", rep.id));
    assertThat(deals).isEqualTo(1);
    assertThat(Fixtures.reload(Lead.class, lead.id).status).isEqualTo(LeadStatus.CONVERTED);
  }

  /** {@link #TRIALS} edits from {@link #THREADS} threads; the answers counted by status. */
  /** Why the last run's first refused save was refused (its field messages), or null. */
  private static volatile String lastRefused;

  private static Map<Integer, Integer> trials(
      java.util.concurrent.Callable<Response> edit, Runnable meanwhile) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS + 1);
    Map<Integer, AtomicInteger> counts = new ConcurrentHashMap<>();
    java.util.concurrent.atomic.AtomicReference<String> refused =
        new java.util.concurrent.atomic.AtomicReference<>();
    AtomicInteger left = new AtomicInteger(TRIALS);
    AtomicBoolean done = new AtomicBoolean();
    List<Future<?>> workers = new ArrayList<>();
    if (meanwhile != null) {
      pool.submit(
          () -> {
            while (!done.get()) {
              meanwhile.run();
            }
          });
    }
    for (int t = 0; t < THREADS; t++) {
      workers.add(
          pool.submit(
              () -> {
                while (left.getAndDecrement() > 0) {
                  Response r = edit.call();
                  if (r.statusCode() == 409) {
                    // the record's own conflict page, or the branded one when the commit finds it
                    assertThat(r.asString()).containsAnyOf("id=\"conflict\"", "id=\"error-409\"");
                  } else if (r.statusCode() == 422 && refused.get() == null) {
                    // why a save was refused, for the failure's message
                    var errors = org.jsoup.Jsoup.parse(r.asString()).select(".invalid-feedback");
                    refused.set(errors.isEmpty() ? "422 without a field message" : errors.text());
                  }
                  counts
                      .computeIfAbsent(r.statusCode(), k -> new AtomicInteger())
                      .incrementAndGet();
                }
                return null;
              }));
    }
    for (Future<?> w : workers) {
      w.get(5, TimeUnit.MINUTES);
    }
    done.set(true);
    pool.shutdown();
    assertThat(pool.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
    Map<Integer, Integer> out = new TreeMap<>();
    counts.forEach((k, v) -> out.put(k, v.get()));
    System.out.println(
        "concurrent edits: " + out + (refused.get() == null ? "" : "; refused: " + refused.get()));
    lastRefused = refused.get();
    return out;
  }
}
