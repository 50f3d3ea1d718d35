package io.loopcrm.capture;

import static org.assertj.core.api.Assertions.assertThat;

import io.loopcrm.campaign.CampaignVariant;
import io.loopcrm.testing.Fixtures;
import io.loopcrm.testing.StatementCounter;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * New leads of one capture group are written together: routed and inserted once the group's
 * captures have run, in one batch, with each capture's answer (the lead's id, created or found) as
 * if it had run alone; the same person twice in a group is one lead.
 */
@QuarkusTest
class PendingLeadsTest {
  @Inject CaptureGate gate;
  @Inject LeadCapture capture;
  @Inject EntityManager em;
  @Inject EntityManagerFactory emf;

  @Test
  void aGroupsNewLeadsAreInsertedTogetherAndTheSamePersonTwiceIsOneLead() throws Exception {
    CampaignVariant variant = Fixtures.campaignWithVariant(Fixtures.unique("Pending"));
    String tag = Fixtures.unique("pending");
    CountDownLatch writerBusy = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(14);
    List<Future<LeadCapture.Result>> results = new ArrayList<>();
    try {
      long statements =
          StatementCounter.count(
              emf,
              () -> {
                Future<Integer> holder =
                    pool.submit(
                        () ->
                            gate.run(
                                () -> {
                                  writerBusy.countDown();
                                  await(release);
                                  return 0;
                                }));
                await(writerBusy);
                // ten people, then the third of them again, then an eleventh, queued in this order
                List<String> emails = new ArrayList<>();
                for (int i = 0; i < 10; i++) {
                  emails.add(tag + "-" + i + "@example.com");
                }
                emails.add(tag + "-2@example.com");
                emails.add(tag + "-10@example.com");
                for (String email : emails) {
                  results.add(submit(pool, variant, email));
                  waitUntilQueued(results.size());
                }
                release.countDown();
                try {
                  holder.get(30, TimeUnit.SECONDS);
                  for (Future<LeadCapture.Result> f : results) {
                    f.get(30, TimeUnit.SECONDS);
                  }
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });

      List<LeadCapture.Result> answers = new ArrayList<>();
      for (Future<LeadCapture.Result> f : results) {
        answers.add(f.get());
      }
      assertThat(answers.subList(0, 10)).allMatch(LeadCapture.Result::created);
      assertThat(answers.get(10).created()).as("the same person again").isFalse();
      assertThat(answers.get(10).leadId()).isEqualTo(answers.get(2).leadId());
      assertThat(answers.get(11).created()).isTrue();
      assertThat(answers.stream().map(LeadCapture.Result::leadId).distinct()).hasSize(11);
      assertThat(leadsOf(tag)).isEqualTo(11);
      assertThat(eventsOf(tag)).as("one capture event per submission").isEqualTo(12);
      // the ten people before the repeat go in one batch, the eleventh in another: not one insert
      // statement per lead
      long leadInserts =
          StatementCounter.last().lines().filter(l -> l.contains(": insert into lead (")).count();
      assertThat(leadInserts).as(StatementCounter.last()).isEqualTo(2);
      assertThat(statements).isPositive();
    } finally {
      release.countDown();
      pool.shutdownNow();
    }
  }

  /**
   * A group locks and looks up its people's addresses at its start; what its captures change is
   * seen by the captures after them: a phone's lead given an e-mail is that e-mail's lead too.
   */
  @Test
  void aLeadFoundByPhoneAndGivenAnEmailIsThatEmailsLeadLaterInTheSameGroup() throws Exception {
    CampaignVariant variant = Fixtures.campaignWithVariant(Fixtures.unique("Prepared"));
    String tag = Fixtures.unique("prepared");
    String phone = "+1 555 " + (1_000_000 + Math.abs(tag.hashCode() % 8_999_999));
    String email = tag + "-a@example.com";
    // a lead known by its phone only (typed in from a call)
    long known =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  var lead = new io.loopcrm.lead.Lead();
                  lead.lastName = "Caller";
                  lead.phone = phone;
                  lead.phoneNormalized = io.loopcrm.lead.Lead.normalizePhone(phone);
                  lead.source = "manual";
                  lead.status = io.loopcrm.lead.LeadStatus.NEW;
                  lead.createdAt = Instant.now();
                  lead.updatedAt = lead.createdAt;
                  lead.persist();
                  return lead.id;
                });
    CountDownLatch writerBusy = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      long groupsBefore = gate.groups();
      Future<Integer> holder =
          pool.submit(
              () ->
                  gate.run(
                      () -> {
                        writerBusy.countDown();
                        await(release);
                        return 0;
                      }));
      await(writerBusy);
      List<Future<LeadCapture.Result>> results = new ArrayList<>();
      // the caller fills the form with e-mail and phone, then a colleague forwards the e-mail only
      results.add(submit(pool, variant, email, phone));
      waitUntilQueued(1);
      results.add(submit(pool, variant, email, null));
      waitUntilQueued(2);
      // someone new, twice: the second finds the first's lead, written by the group meanwhile
      results.add(submit(pool, variant, tag + "-b@example.com", null));
      waitUntilQueued(3);
      results.add(submit(pool, variant, tag.toUpperCase() + "-B@example.com", null));
      waitUntilQueued(4);
      release.countDown();
      holder.get(30, TimeUnit.SECONDS);
      List<LeadCapture.Result> answers = new ArrayList<>();
      for (Future<LeadCapture.Result> f : results) {
        answers.add(f.get(30, TimeUnit.SECONDS));
      }
      assertThat(gate.groups() - groupsBefore).as("the holder, then one group").isEqualTo(2);
      assertThat(answers.get(0).leadId()).isEqualTo(known);
      assertThat(answers.get(0).created()).isFalse();
      assertThat(answers.get(1).leadId()).as("the e-mail just given").isEqualTo(known);
      assertThat(answers.get(2).created()).isTrue();
      assertThat(answers.get(3).leadId()).isEqualTo(answers.get(2).leadId());
      assertThat(answers.get(3).created()).isFalse();
      assertThat(leadsOf(tag)).isEqualTo(2);
    } finally {
      release.countDown();
      pool.shutdownNow();
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void theGroupsLookupUsesTheAddressIndexes() {
    String plan =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  em.createNativeQuery("set local enable_seqscan = off").executeUpdate();
                  em.createNativeQuery("set local plan_cache_mode = force_generic_plan")
                      .executeUpdate();
                  List<String> lines =
                      em.createNativeQuery("explain " + PendingLeads.KNOWN_LEADS)
                          .setParameter(1, new String[] {"a@example.com", "b@example.com"})
                          .setParameter(2, new String[] {"+15550100"})
                          .getResultList();
                  return String.join("\n", lines);
                });
    assertThat(plan).contains("lead_email_idx").contains("lead_phone_idx").doesNotContain("Seq");
  }

  private Future<LeadCapture.Result> submit(
      ExecutorService pool, CampaignVariant variant, String email) {
    return submit(pool, variant, email, null);
  }

  private Future<LeadCapture.Result> submit(
      ExecutorService pool, CampaignVariant variant, String email, String phone) {
    LeadCapture.Submission s =
        new LeadCapture.Submission(
            "Pat",
            "Pending",
            email,
            phone,
            "Pending Co",
            null,
            "EMEA",
            null,
            null,
            null,
            "web_form",
            null,
            null,
            null,
            null,
            null);
    return pool.submit(
        () ->
            gate.runDeferred(
                s,
                () ->
                    capture.capture(s, variant.id, UUID.randomUUID(), true, null, Instant.now())));
  }

  private long leadsOf(String tag) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                ((Number)
                        em.createNativeQuery(
                                "select count(*) from lead where email_normalized like ?1")
                            .setParameter(1, tag.toLowerCase() + "-%")
                            .getSingleResult())
                    .longValue());
  }

  private long eventsOf(String tag) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                ((Number)
                        em.createNativeQuery(
                                "select count(*) from lead_event e join lead l on l.id = e.lead_id"
                                    + " where l.email like ?1")
                            .setParameter(1, tag + "-%")
                            .getSingleResult())
                    .longValue());
  }

  private void waitUntilQueued(int n) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (gate.queued() < n && System.nanoTime() < deadline) {
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    assertThat(gate.queued()).isEqualTo(n);
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("timed out");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
