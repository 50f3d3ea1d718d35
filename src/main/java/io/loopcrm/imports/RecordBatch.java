package io.loopcrm.imports;

import io.loopcrm.customer.Account;
import io.loopcrm.customer.Contact;
import io.loopcrm.deal.Deal;
import io.loopcrm.deal.DealOpening;
import io.loopcrm.deal.LostReason;
import io.loopcrm.deal.PipelineStage;
import io.loopcrm.deal.StageChange;
import io.loopcrm.people.Member;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVPrinter;

/**
 * One batch of an account, contact or deal file in one transaction. A known record (account by
 * domain or name, contact by e-mail, deal by account and name) gets its blanks completed; a new one
 * keeps its created date and owner; contacts and deals are linked to their account, which is
 * created when no account has its name or domain. Deals take their stage through {@link
 * DealStages}; a won deal needs an amount and a close date, as in the pipeline.
 */
@ApplicationScoped
public class RecordBatch {
  @Inject EntityManager em;

  /** What became of a row: outcome, reason, the record written and what did not match. */
  private record Outcome(
      RecordRow row, String outcome, String reason, String record, Long id, List<String> notes) {}

  void write(
      long jobId,
      List<RecordRow> batch,
      CSVPrinter printer,
      int[] counts,
      Map<String, String> chosen)
      throws IOException {
    List<Outcome> outcomes = new ArrayList<>();
    int[] next = counts.clone();
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              ImportBatch.hold(jobId);
              Instant now = Instant.now();
              ImportHistory history = ImportHistory.load();
              DealStages stages = DealStages.load(chosen);
              Member importer = ImportJob.<ImportJob>findById(jobId).createdBy;
              BatchCustomers known = BatchCustomers.load(batch);
              for (RecordRow r : batch) {
                next[3]++;
                Outcome o;
                if (r.problem() != null) {
                  o = new Outcome(r, "skipped", r.problem(), "", null, List.of());
                } else {
                  List<String> notes = new ArrayList<>();
                  Context c = new Context(history, known, now, notes);
                  o =
                      r.isCompany()
                          ? account(r, c)
                          : r.kind().equals("contact")
                              ? contact(r, c)
                              : deal(r, c, stages, importer);
                }
                next[o.outcome().equals("created") ? 0 : o.outcome().equals("updated") ? 1 : 2]++;
                outcomes.add(o);
              }
              em.flush();
              ImportBatch.advance(jobId, next);
            });
    System.arraycopy(next, 0, counts, 0, counts.length);
    for (Outcome o : outcomes) {
      printer.printRecord(
          Long.toString(o.row().line()),
          o.outcome(),
          o.reason() == null ? "" : o.reason(),
          o.record(),
          o.id() == null ? "" : o.id().toString(),
          ImportFile.safe(o.row().name()),
          ImportFile.safe(String.join("; ", o.notes())));
    }
    printer.flush();
  }

  /** What every row's writing needs. */
  private record Context(
      ImportHistory history, BatchCustomers known, Instant now, List<String> notes) {
    Member owner(RecordRow r) {
      Member m = history.owner(r.get("owner"));
      if (r.get("owner") != null && m == null) {
        notes.add("owner: " + r.get("owner"));
      }
      return m;
    }

    Instant created(RecordRow r) {
      Instant at = ImportHistory.created(r.get("createdDate"));
      if (r.get("createdDate") != null && (at == null || at.isAfter(now))) {
        String note = "created date: " + r.get("createdDate");
        if (!notes.contains(note)) {
          notes.add(note);
        }
        return now;
      }
      return at == null ? now : at;
    }
  }

  private Outcome account(RecordRow r, Context c) {
    Account a = c.known().account(r);
    Member owner = c.owner(r);
    if (a != null) {
      a.domain = a.domain == null ? Account.normalizeDomain(r.get("website")) : a.domain;
      a.industry = a.industry == null ? r.get("industry") : a.industry;
      a.region = a.region == null ? r.region() : a.region;
      a.owner = a.owner == null ? owner : a.owner;
      c.known().add(a);
      return new Outcome(r, "updated", null, "account", a.id, c.notes());
    }
    a = newAccount(RecordRow.accountName(r.values()), r, owner, c.created(r));
    c.known().add(a);
    return new Outcome(r, "created", null, "account", a.id, c.notes());
  }

  private static Account newAccount(String name, RecordRow r, Member owner, Instant created) {
    Account a = new Account();
    a.name = name;
    a.domain = Account.normalizeDomain(r.get("website"));
    a.industry = r.get("industry");
    a.region = r.region();
    a.owner = owner;
    a.createdAt = created;
    a.persist();
    return a;
  }

  /** The row's account, created by name when none is known (named in the report). */
  private static Account accountOf(RecordRow r, Context c, Member owner) {
    Account a = c.known().account(r);
    if (a == null && r.get("account") != null) {
      RecordRow company =
          new RecordRow(r.line(), "account", Map.of("website", nz(r.get("website"))), null);
      a = newAccount(r.get("account"), company, owner, c.created(r));
      a.region = r.kind().equals("contact") ? r.region() : null;
      c.known().add(a);
      c.notes().add("account created: " + r.get("account"));
    }
    return a;
  }

  private Outcome contact(RecordRow r, Context c) {
    String email = BatchCustomers.email(r.get("email"));
    Member owner = c.owner(r);
    Contact known = c.known().contact(email);
    if (known != null) {
      known.firstName = known.firstName == null ? r.get("firstName") : known.firstName;
      known.phone = known.phone == null ? r.get("phone") : known.phone;
      known.title = known.title == null ? r.get("title") : known.title;
      known.owner = known.owner == null ? owner : known.owner;
      return new Outcome(r, "updated", null, "contact", known.id, c.notes());
    }
    Account account = accountOf(r, c, owner);
    if (account == null) {
      return new Outcome(r, "skipped", "missing_account", "", null, c.notes());
    }
    Contact x = new Contact();
    x.account = account;
    x.firstName = r.get("firstName");
    x.lastName = r.get("lastName");
    x.email = r.get("email");
    x.emailNormalized = email;
    x.phone = r.get("phone");
    x.title = r.get("title");
    x.owner = owner;
    x.createdAt = c.created(r);
    x.persist();
    c.known().add(x);
    return new Outcome(r, "created", null, "contact", x.id, c.notes());
  }

  private Outcome deal(RecordRow r, Context c, DealStages stages, Member importer) {
    Member owner = c.owner(r);
    Account existing = c.known().account(r);
    if (owner == null) {
      owner = existing == null ? null : existing.owner;
    }
    if (owner == null) {
      return new Outcome(r, "skipped", "missing_owner", "", null, c.notes());
    }
    PipelineStage stage = stages.stage(r.get("stage"));
    if (r.get("stage") != null && stage == null) {
      c.notes().add("stage: " + r.get("stage"));
    }
    stage = stage == null ? stages.firstOpen() : stage;
    LostReason reason = DealStages.lostReason(r.get("lostReason"));
    if (r.get("lostReason") != null && stage.isOpen()) {
      // the other CRM keeps a lost deal's stage (Odoo archives it with a lost reason)
      stage = stages.lost();
    }
    if (stage.isLost() && r.get("lostReason") != null && reason == null) {
      c.notes().add("lost reason: " + r.get("lostReason"));
    }
    BigDecimal amount = r.get("amount") == null ? null : RecordRow.amount(r.get("amount"));
    LocalDate close = r.get("closeDate") == null ? null : RecordRow.date(r.get("closeDate"));
    if (stage.isWon() && (amount == null || amount.signum() <= 0 || close == null)) {
      return new Outcome(r, "skipped", "won_incomplete", "", null, c.notes());
    }
    Account account = existing != null ? existing : accountOf(r, c, owner);
    Contact contact = c.known().contact(BatchCustomers.emailIn(r.get("contact")));
    if (r.get("contact") != null && contact == null) {
      c.notes().add("contact: " + r.get("contact"));
    }
    Deal known = c.known().deal(account, r.get("name"));
    if (known != null) {
      known.amount = known.amount == null ? amount : known.amount;
      known.expectedClose = known.expectedClose == null ? close : known.expectedClose;
      known.contact = known.contact == null ? contact : known.contact;
      known.nextStep = known.nextStep == null ? r.get("nextStep") : known.nextStep;
      return new Outcome(r, "updated", null, "deal", known.id, c.notes());
    }
    Deal d = DealOpening.open(r.get("name"), account, owner, stage);
    d.contact = contact;
    d.amount = amount;
    d.currency = currency(r.get("currency"), c.notes());
    d.expectedClose = close;
    d.nextStep = r.get("nextStep");
    d.createdAt = c.created(r);
    d.updatedAt = c.now();
    d.status =
        stage.isWon() ? Deal.Status.WON : stage.isLost() ? Deal.Status.LOST : Deal.Status.OPEN;
    if (!stage.isOpen()) {
      Instant closed = close == null ? d.createdAt : close.atStartOfDay(ZoneOffset.UTC).toInstant();
      d.closedAt = closed.isAfter(c.now()) ? c.now() : closed;
      d.lostReason = stage.isLost() ? (reason == null ? LostReason.OTHER : reason).code() : null;
    }
    d.stageEnteredAt = d.closedAt == null ? d.createdAt : d.closedAt;
    d.persist();
    StageChange entered = new StageChange();
    entered.deal = d;
    entered.toStage = stage;
    entered.changedBy = importer;
    entered.changedAt = d.stageEnteredAt;
    entered.persist();
    c.known().add(d);
    return new Outcome(r, "created", null, "deal", d.id, c.notes());
  }

  private static String currency(String raw, List<String> notes) {
    if (raw == null) {
      return "USD";
    }
    String code = raw.trim().toUpperCase(Locale.ROOT);
    if (io.loopcrm.settings.Choice.isCurrencyCode(code)) {
      return code;
    }
    notes.add("currency: " + raw);
    return "USD";
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
