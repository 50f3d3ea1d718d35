package io.loopcrm.deal;

import io.loopcrm.customer.Account;
import io.loopcrm.customer.Contact;
import io.loopcrm.people.Member;
import java.time.Instant;

/**
 * How a deal starts: opened by a lead's conversion ({@link io.loopcrm.deal.LeadConversion}, which
 * adds the attribution) or logged by hand on an existing customer.
 */
public final class DealOpening {
  private DealOpening() {}

  /** A deal in {@code stage}, owned by {@code owner}, with the stage's default probability. */
  public static Deal open(String name, Account account, Member owner, PipelineStage stage) {
    Deal deal = new Deal();
    deal.name = name;
    deal.account = account;
    deal.owner = owner;
    deal.stage = stage;
    deal.probability = stage.probability;
    return deal;
  }

  /**
   * A deal logged by hand with an existing customer (a repeat purchase, a referral by phone): no
   * lead and so no campaign attribution ("direct"); it enters {@code stage} now. Its win counts in
   * the account's retention through the deal trigger, in the same transaction.
   */
  public static Deal direct(
      String name,
      Account account,
      Contact contact,
      Member owner,
      PipelineStage stage,
      Instant now) {
    Deal deal = open(name, account, owner, stage);
    deal.contact = contact;
    deal.stageEnteredAt = now;
    deal.persist();
    StageChange entered = new StageChange();
    entered.deal = deal;
    entered.toStage = stage;
    entered.changedBy = owner;
    entered.changedAt = now;
    entered.persist();
    return deal;
  }
}
