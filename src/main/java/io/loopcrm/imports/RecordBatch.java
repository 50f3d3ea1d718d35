package io.loopcrm.imports;

import io.loopcrm.customer.Account;
import io.loopcrm.customer.Contact;
import io.loopcrm.people.Member;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVPrinter;

/**
 * One batch of an account, contact or deal file in one transaction. A known record (account by
 * domain or name, contact by e-mail, deal by account and name) that a rep owns is left as it is
 * (the fields are sales'); an unowned one gets its blanks completed; a new one keeps its created
 * date and owner (an enabled seller); contacts and deals are linked to their account, which is
 * created when no account has its name or domain, and only when their owner may see that account
 * ({@link #mayLink}). Deals are written by {@link ImportedDeals}.
 */
@ApplicationScoped
public class RecordBatch {
  @Inject java.time.Clock clock;
  @Inject EntityManager em;

  /** What became of a row: outcome, reason, the record written and what did not match. */
  record Outcome(
      RecordRow row,
      RowOutcome outcome,
      String reason,
      String record,
      Long id,
      List<String> notes) {}

  void write(
      long jobId,
      List<RecordRow> batch,
      CSVPrinter printer,
      ImportTally tally,
      Map<String, String> chosen)
      throws IOException {
    List<Outcome> outcomes = new ArrayList<>();
    ImportTally next = tally.copy();
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              ImportLease.hold(jobId);
              Instant now = Instant.now(clock);
              ImportHistory history = ImportHistory.load();
              DealStages stages = DealStages.load(chosen);
              Member importer = ImportJob.<ImportJob>findById(jobId).createdBy;
              BatchCustomers known = BatchCustomers.load(batch);
              for (RecordRow r : batch) {
                Outcome o;
                if (r.problem() != null) {
                  o = new Outcome(r, RowOutcome.SKIPPED, r.problem(), "", null, List.of());
                } else {
                  List<String> notes = new ArrayList<>();
                  Context c = new Context(history, known, now, notes);
                  o =
                      r.isCompany()
                          ? account(r, c)
                          : r.kind().equals("contact")
                              ? contact(r, c)
                              : ImportedDeals.write(r, c, stages, importer);
                }
                next.add(o.outcome());
                outcomes.add(o);
              }
              em.flush();
              ImportLease.advance(jobId, next, now);
            });
    tally.keep(next);
    for (Outcome o : outcomes) {
      printer.printRecord(
          Long.toString(o.row().line()),
          o.outcome().code(),
          o.reason() == null ? "" : o.reason(),
          o.record(),
          o.id() == null ? "" : o.id().toString(),
          ImportFile.safe(o.row().name()),
          ImportFile.safe(String.join("; ", o.notes())));
    }
    printer.flush();
  }

  /** What every row's writing needs. */
  record Context(ImportHistory history, BatchCustomers known, Instant now, List<String> notes) {
    Member owner(RecordRow r) {
      Member m = history.owner(r.get("owner"));
      if (r.get("owner") != null && m == null) {
        notes.add("owner: " + r.get("owner"));
      }
      return m;
    }

    Instant created(RecordRow r) {
      Instant at = ImportDates.created(r.get("createdDate"));
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
    if (a != null && a.owner != null) {
      // a rep's account: theirs to keep, an import does not write into it
      return new Outcome(r, RowOutcome.SKIPPED, "exists_kept", "account", a.id, c.notes());
    }
    if (a != null) {
      a.domain = a.domain == null ? Account.normalizeDomain(r.get("website")) : a.domain;
      a.industry = a.industry == null ? r.get("industry") : a.industry;
      a.region = a.region == null ? r.region() : a.region;
      a.owner = a.owner == null ? owner : a.owner;
      c.known().add(a);
      return new Outcome(r, RowOutcome.UPDATED, null, "account", a.id, c.notes());
    }
    a = newAccount(RecordRow.accountName(r.values()), r, owner, c.created(r));
    c.known().add(a);
    return new Outcome(r, RowOutcome.CREATED, null, "account", a.id, c.notes());
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
  static Account accountOf(RecordRow r, Context c, Member owner) {
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
    if (known != null && known.owner != null) {
      return new Outcome(r, RowOutcome.SKIPPED, "exists_kept", "contact", known.id, c.notes());
    }
    if (known != null && !mayLink(owner, known.account)) {
      return new Outcome(r, RowOutcome.SKIPPED, "account_of_another_rep", "", null, c.notes());
    }
    if (known != null) {
      known.firstName = known.firstName == null ? r.get("firstName") : known.firstName;
      known.phone = known.phone == null ? r.get("phone") : known.phone;
      known.title = known.title == null ? r.get("title") : known.title;
      known.owner = known.owner == null ? owner : known.owner;
      return new Outcome(r, RowOutcome.UPDATED, null, "contact", known.id, c.notes());
    }
    Account account = accountOf(r, c, owner);
    if (account == null) {
      return new Outcome(r, RowOutcome.SKIPPED, "missing_account", "", null, c.notes());
    }
    if (!mayLink(owner, account)) {
      return new Outcome(r, RowOutcome.SKIPPED, "account_of_another_rep", "", null, c.notes());
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
    return new Outcome(r, RowOutcome.CREATED, null, "contact", x.id, c.notes());
  }

  /**
   * Whether an imported record of {@code owner} may be linked to {@code account}: an account with
   * no owner, or one the owner may already see ({@link io.loopcrm.customer.CustomerAccess}), so
   * that an import never opens another rep's or team's account to someone through a contact or deal
   * of theirs.
   */
  static boolean mayLink(Member owner, Account account) {
    if (owner == null || account.owner == null || account.owner.id.equals(owner.id)) {
      return true;
    }
    return account.id != null
        && Account.isVisible(account.id, io.loopcrm.people.Viewer.ownRecordsOf(owner));
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
