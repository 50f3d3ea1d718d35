package io.loopcrm.imports;

import io.loopcrm.customer.Account;
import io.loopcrm.customer.Contact;
import io.loopcrm.deal.Deal;
import io.loopcrm.deal.DealOpening;
import io.loopcrm.deal.LostReason;
import io.loopcrm.deal.PipelineStage;
import io.loopcrm.deal.StageChange;
import io.loopcrm.imports.RecordBatch.Context;
import io.loopcrm.people.Member;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

/**
 * A deal row of an import ({@link RecordBatch} writes the batch): its owner (the file's, else its
 * account's), its stage through {@link DealStages} (a lost reason on an open stage makes it lost,
 * as Odoo keeps the stage of a lost opportunity), its account and contact; a won deal needs an
 * amount and a close date, as in the pipeline; a deal of the same name on the account is a rep's,
 * left as it is and not doubled. An existing account or contact is linked only when the deal's
 * owner may see it ({@link RecordBatch#mayLink}); the report names no deal, since operations sees
 * deals only as totals.
 */
final class ImportedDeals {
  private ImportedDeals() {}

  static RecordBatch.Outcome write(RecordRow r, Context c, DealStages stages, Member importer) {
    Member owner = c.owner(r);
    Account existing = c.known().account(r);
    if (owner == null) {
      owner = existing == null ? null : existing.owner;
    }
    if (owner == null) {
      return new RecordBatch.Outcome(r, RowOutcome.SKIPPED, "missing_owner", "", null, c.notes());
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
      return new RecordBatch.Outcome(r, RowOutcome.SKIPPED, "won_incomplete", "", null, c.notes());
    }
    if (existing != null && !RecordBatch.mayLink(owner, existing)) {
      return new RecordBatch.Outcome(
          r, RowOutcome.SKIPPED, "account_of_another_rep", "", null, c.notes());
    }
    Account account = existing != null ? existing : RecordBatch.accountOf(r, c, owner);
    if (account.id != null && c.known().deal(account, r.get("name")) != null) {
      // a rep's deal: never written by an import, and not named to operations, who see deals
      // only as totals
      return new RecordBatch.Outcome(r, RowOutcome.SKIPPED, "exists_kept", "deal", null, c.notes());
    }
    Contact contact = c.known().contact(BatchCustomers.emailIn(r.get("contact")));
    if (contact != null && !mayLinkContact(owner, contact, account)) {
      contact = null;
    }
    if (r.get("contact") != null && contact == null) {
      c.notes().add("contact: " + r.get("contact"));
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
    return new RecordBatch.Outcome(r, RowOutcome.CREATED, null, "deal", null, c.notes());
  }

  /**
   * Whether the deal of {@code owner} may name {@code contact}: one of the deal's account that no
   * one owns, or one the owner may already see.
   */
  private static boolean mayLinkContact(Member owner, Contact contact, Account account) {
    if (contact.owner == null) {
      return contact.account.id.equals(account.id);
    }
    return contact.owner.id.equals(owner.id)
        || Contact.isVisible(contact.id, io.loopcrm.people.Viewer.ownRecordsOf(owner));
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
}
