package io.loopcrm.imports;

import io.loopcrm.imports.ImportFile.Row;
import io.loopcrm.lead.Lead;
import io.loopcrm.lead.LeadStatus;
import io.loopcrm.routing.Router;
import io.loopcrm.routing.RoutingRule;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVPrinter;
import org.hibernate.Session;

/**
 * The second step of an import: one batch of checked rows written in one transaction (known leads
 * completed, new ones scored, routed together and inserted), the job's counts moved with it, and
 * the batch's report lines written once it has committed.
 */
@ApplicationScoped
public class ImportBatch {
  @Inject Router router;
  @Inject io.loopcrm.scoring.LeadScorer scorer;
  @Inject EntityManager em;

  /** The import is no longer this run's (another instance took it for stopped). */
  static final class LeaseLost extends RuntimeException {
    LeaseLost(String status) {
      super("the import is " + status + " now, not running", null, false, false);
    }
  }

  /**
   * One batch in one transaction: a single query finds the known leads, then creates/updates; the
   * job's counts move in the same transaction, so after a failure they say exactly which rows are
   * in (a resume starts after them). The report lines follow once the batch has committed.
   */
  void write(long jobId, List<Row> batch, CSVPrinter printer, int[] counts, Instant started)
      throws IOException {
    List<String[]> lines = new ArrayList<>();
    int[] next = counts.clone();
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              ImportJob held = hold(jobId);
              Map<String, Lead> byEmail = new HashMap<>();
              Map<String, Lead> byPhone = new HashMap<>();
              List<String> emails = new ArrayList<>();
              List<String> phones = new ArrayList<>();
              for (Row r : batch) {
                if (r.problem() != null) {
                  continue;
                }
                if (r.email() != null) {
                  emails.add(Lead.normalizeEmail(r.email()));
                }
                if (r.phone() != null && Lead.normalizePhone(r.phone()) != null) {
                  phones.add(Lead.normalizePhone(r.phone()));
                }
              }
              // one indexed lookup per key kind (an OR of both would scan the table)
              List<Lead> known = new ArrayList<>();
              if (!emails.isEmpty()) {
                known.addAll(Lead.<Lead>list("emailNormalized in ?1 order by createdAt", emails));
              }
              if (!phones.isEmpty()) {
                known.addAll(Lead.<Lead>list("phoneNormalized in ?1 order by createdAt", phones));
              }
              for (Lead l : known) {
                if (l.emailNormalized != null) {
                  byEmail.putIfAbsent(l.emailNormalized, l);
                }
                if (l.phoneNormalized != null) {
                  byPhone.putIfAbsent(l.phoneNormalized, l);
                }
              }
              List<RoutingRule> rules = RoutingRule.listOrdered();
              Instant now = Instant.now();
              ImportHistory history = ImportHistory.load().choosing(held.values());
              List<Object[]> outcomes = new ArrayList<>();
              List<Lead> created = new ArrayList<>();
              List<Lead> toRoute = new ArrayList<>();
              Map<Lead, String> descriptions = new java.util.LinkedHashMap<>();
              for (Row r : batch) {
                next[3]++;
                if (r.problem() != null) {
                  next[2]++;
                  outcomes.add(new Object[] {r, null, r.problem(), ""});
                  continue;
                }
                String email = Lead.normalizeEmail(r.email());
                String phone = Lead.normalizePhone(r.phone());
                Lead lead = email == null ? null : byEmail.get(email);
                if (lead == null && phone != null) {
                  lead = byPhone.get(phone);
                }
                if (lead != null) {
                  // written by this import already (its created date may be the other CRM's):
                  // a lead this import created or completed was updated since it started
                  boolean fresh = lead.updatedAt != null && !lead.updatedAt.isBefore(started);
                  completeBlanks(lead, r);
                  outcomes.add(
                      new Object[] {r, lead, fresh ? "duplicate_in_file" : "already_known", ""});
                  next[1]++;
                  continue;
                }
                lead = new Lead();
                lead.firstName = r.firstName();
                lead.lastName = r.lastName();
                lead.email = r.email();
                lead.emailNormalized = email;
                lead.phone = r.phone();
                lead.phoneNormalized = phone;
                lead.company = r.company();
                lead.title = r.title();
                lead.region = r.region();
                lead.industry = r.industry();
                lead.companySize = r.companySize();
                lead.segment = r.segment();
                lead.source = r.source() == null ? "import" : r.source();
                lead.status = LeadStatus.NEW;
                lead.createdAt = now;
                lead.updatedAt = now;
                List<String> unmapped = new ArrayList<>();
                boolean routed = history.apply(lead, r.history(), now, unmapped);
                if (r.history().description() != null) {
                  descriptions.put(lead, r.history().description());
                }
                scorer.rescore(lead, now);
                created.add(lead);
                if (routed) {
                  toRoute.add(lead);
                }
                if (email != null) {
                  byEmail.put(email, lead);
                }
                if (phone != null) {
                  byPhone.put(phone, lead);
                }
                outcomes.add(new Object[] {r, lead, null, String.join("; ", unmapped)});
                next[0]++;
              }
              // routed together (one query per rule, not one per lead), then written in as few
              // statements as the driver makes of one JDBC batch of the whole batch (the rollup
              // and open-lead triggers run once per statement)
              router.routeAll(toRoute, rules, now);
              for (Lead l : toRoute) {
                ImportHistory.statusAfterRouting(l);
              }
              em.unwrap(Session.class).setJdbcBatchSize(Math.max(1, created.size()));
              created.forEach(l -> l.persist());
              em.flush();
              if (!descriptions.isEmpty()) {
                ImportHistory.notes(descriptions, ImportJob.<ImportJob>findById(jobId).createdBy);
                em.flush();
              }
              for (Object[] o : outcomes) {
                Row r = (Row) o[0];
                Lead l = (Lead) o[1];
                lines.add(
                    new String[] {
                      Long.toString(r.line()),
                      l == null ? "skipped" : o[2] == null ? "created" : "updated",
                      o[2] == null ? "" : (String) o[2],
                      l == null ? "" : l.id.toString(),
                      ImportFile.safe(r.email()),
                      ImportFile.safe(ImportFile.name(r)),
                      ImportFile.safe((String) o[3])
                    });
              }
              advance(jobId, next);
            });
    System.arraycopy(next, 0, counts, 0, counts.length);
    for (String[] line : lines) {
      printer.printRecord((Object[]) line);
    }
    printer.flush();
  }

  /** The planner's estimate of the lead table's rows (0 before its first analysis). */
  long estimatedLeads() {
    return ((Number)
            em.createNativeQuery(
                    "select greatest(reltuples, 0)::bigint from pg_class where oid = 'lead'::regclass")
                .getSingleResult())
        .longValue();
  }

  /**
   * Brings the planner's statistics of the lead table up to date: an import that doubles the table
   * (the first one into a new database) would otherwise look its known leads up by scanning a table
   * the planner still takes for small, until autovacuum analyzes it.
   */
  void analyzeLeads() {
    em.createNativeQuery("analyze lead").executeUpdate();
  }

  /**
   * Locks the job's row until the caller's batch commits (an instance that takes the import for
   * stopped waits for the batch, then finds the lease renewed); throws when it is no longer
   * running.
   */
  static ImportJob hold(long jobId) {
    ImportJob held = ImportJob.findById(jobId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
    if (!held.isRunning()) {
      throw new LeaseLost(held.status.code());
    }
    return held;
  }

  /** The job's counts after a batch (created, updated, skipped, processed), its lease renewed. */
  static void advance(long jobId, int[] next) {
    ImportJob job = ImportJob.findById(jobId);
    job.heartbeatAt = Instant.now();
    job.processed = next[3];
    job.createdCount = next[0];
    job.updatedCount = next[1];
    job.skippedCount = next[2];
  }

  private static void completeBlanks(Lead lead, Row r) {
    lead.firstName = blank(lead.firstName) ? r.firstName() : lead.firstName;
    lead.phone = blank(lead.phone) ? r.phone() : lead.phone;
    if (lead.phoneNormalized == null) {
      lead.phoneNormalized = Lead.normalizePhone(r.phone());
    }
    if (lead.email == null && r.email() != null) {
      lead.email = r.email();
      lead.emailNormalized = Lead.normalizeEmail(r.email());
    }
    lead.company = blank(lead.company) ? r.company() : lead.company;
    lead.title = blank(lead.title) ? r.title() : lead.title;
    lead.region = blank(lead.region) ? r.region() : lead.region;
    lead.industry = blank(lead.industry) ? r.industry() : lead.industry;
    lead.companySize = blank(lead.companySize) ? r.companySize() : lead.companySize;
    lead.segment = blank(lead.segment) ? r.segment() : lead.segment;
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
