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
import java.util.LinkedHashMap;
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
  @Inject java.time.Clock clock;
  @Inject Router router;
  @Inject io.loopcrm.scoring.LeadScorer scorer;
  @Inject EntityManager em;

  /** What became of a row: the lead it created or completed (none when skipped), and why. */
  record Outcome(Row row, Lead lead, RowOutcome outcome, String reason, String unmapped) {
    /** Its line of the report: row, outcome, reason, lead_id, email, name, unmapped. */
    String[] reportLine() {
      return new String[] {
        Long.toString(row.line()),
        outcome.code(),
        reason == null ? "" : reason,
        lead == null ? "" : lead.id.toString(),
        ImportFile.safe(row.email()),
        ImportFile.safe(ImportFile.name(row)),
        ImportFile.safe(unmapped)
      };
    }
  }

  /**
   * One batch in one transaction: a single query per key finds the known leads, then the rows
   * create or complete leads; the job's counts move in the same transaction, so after a failure
   * they say exactly which rows are in (a resume starts after them). The report lines follow once
   * the batch has committed, and {@code tally} takes the batch's counts.
   */
  void write(long jobId, List<Row> batch, CSVPrinter printer, ImportTally tally, Instant started)
      throws IOException {
    ImportTally next = tally.copy();
    List<Outcome> outcomes =
        QuarkusTransaction.requiringNew().call(() -> writeRows(jobId, batch, next, started));
    tally.keep(next);
    for (Outcome o : outcomes) {
      printer.printRecord((Object[]) o.reportLine());
    }
    printer.flush();
  }

  /** The batch's rows, in the caller's transaction; what became of each, in the file's order. */
  private List<Outcome> writeRows(long jobId, List<Row> batch, ImportTally next, Instant started) {
    ImportJob held = ImportLease.hold(jobId);
    KnownLeads known = KnownLeads.of(batch);
    List<RoutingRule> rules = RoutingRule.listOrdered();
    Instant now = Instant.now(clock);
    ImportHistory history = ImportHistory.load().choosing(held.values()).dayFirst(held.dayFirst);
    NewLeads created = new NewLeads();
    List<Outcome> outcomes = new ArrayList<>(batch.size());
    for (Row r : batch) {
      Outcome o = outcome(r, known, history, created, started, now);
      next.add(o.outcome());
      outcomes.add(o);
    }
    insert(created, rules, held.createdBy, now);
    ImportLease.advance(jobId, next, now);
    return outcomes;
  }

  /**
   * A row skipped for its problem, a known lead completed, or a new lead made (not yet written).
   */
  private Outcome outcome(
      Row r,
      KnownLeads known,
      ImportHistory history,
      NewLeads created,
      Instant started,
      Instant now) {
    if (r.problem() != null) {
      return new Outcome(r, null, RowOutcome.SKIPPED, r.problem(), "");
    }
    String email = Lead.normalizeEmail(r.email());
    String phone = Lead.normalizePhone(r.phone());
    Lead lead = known.find(email, phone);
    if (lead != null) {
      // written by this import already (its created date may be the other CRM's): a lead this
      // import created or completed was updated since it started
      boolean fresh = lead.updatedAt != null && !lead.updatedAt.isBefore(started);
      completeBlanks(lead, r);
      return new Outcome(
          r, lead, RowOutcome.UPDATED, fresh ? "duplicate_in_file" : "already_known", "");
    }
    lead = newLead(r, email, phone, now);
    List<String> unmapped = new ArrayList<>();
    boolean routed = history.apply(lead, r.history(), now, unmapped);
    scorer.rescore(lead, now);
    created.add(lead, routed, r.history().description());
    known.add(lead, email, phone);
    return new Outcome(r, lead, RowOutcome.CREATED, null, String.join("; ", unmapped));
  }

  /**
   * Routes the batch's new leads together (one query per rule, not one per lead), then writes them
   * in as few statements as the driver makes of one JDBC batch of them all (the rollup and
   * open-lead triggers run once per statement), then their descriptions as notes.
   */
  private void insert(
      NewLeads created, List<RoutingRule> rules, io.loopcrm.people.Member importer, Instant now) {
    router.routeAll(created.toRoute, rules, now);
    for (Lead l : created.toRoute) {
      ImportHistory.statusAfterRouting(l);
    }
    em.unwrap(Session.class).setJdbcBatchSize(Math.max(1, created.leads.size()));
    created.leads.forEach(l -> l.persist());
    em.flush();
    if (!created.descriptions.isEmpty()) {
      ImportHistory.notes(created.descriptions, importer);
      em.flush();
    }
  }

  private static Lead newLead(Row r, String email, String phone, Instant now) {
    Lead lead = new Lead();
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
    return lead;
  }

  /** The batch's new leads, those the rules route, and the descriptions that become notes. */
  private static final class NewLeads {
    final List<Lead> leads = new ArrayList<>();
    final List<Lead> toRoute = new ArrayList<>();
    final Map<Lead, String> descriptions = new LinkedHashMap<>();

    void add(Lead lead, boolean routed, String description) {
      leads.add(lead);
      if (routed) {
        toRoute.add(lead);
      }
      if (description != null) {
        descriptions.put(lead, description);
      }
    }
  }

  /**
   * The batch's people already in the database, by normalised e-mail and phone (the oldest lead of
   * each), and the leads the batch creates, so that a person twice in the file is one lead.
   */
  private static final class KnownLeads {
    final Map<String, Lead> byEmail = new HashMap<>();
    final Map<String, Lead> byPhone = new HashMap<>();

    /** One indexed lookup per key kind (an OR of both would scan the table). */
    static KnownLeads of(List<Row> batch) {
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
      List<Lead> found = new ArrayList<>();
      if (!emails.isEmpty()) {
        found.addAll(Lead.<Lead>list("emailNormalized in ?1 order by createdAt", emails));
      }
      if (!phones.isEmpty()) {
        found.addAll(Lead.<Lead>list("phoneNormalized in ?1 order by createdAt", phones));
      }
      KnownLeads known = new KnownLeads();
      for (Lead l : found) {
        if (l.emailNormalized != null) {
          known.byEmail.putIfAbsent(l.emailNormalized, l);
        }
        if (l.phoneNormalized != null) {
          known.byPhone.putIfAbsent(l.phoneNormalized, l);
        }
      }
      return known;
    }

    /** By e-mail, else by phone when it is the same person ({@link Lead}'s SamePerson rule). */
    Lead find(String email, String phone) {
      Lead lead = email == null ? null : byEmail.get(email);
      if (lead == null && phone != null) {
        Lead samePhone = byPhone.get(phone);
        if (samePhone != null
            && io.loopcrm.lead.SamePerson.byPhone(samePhone.emailNormalized, email)) {
          return samePhone;
        }
      }
      return lead;
    }

    void add(Lead lead, String email, String phone) {
      if (email != null) {
        byEmail.put(email, lead);
      }
      if (phone != null) {
        byPhone.put(phone, lead);
      }
    }
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
