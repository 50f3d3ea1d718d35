package io.loopcrm.deal;

import io.loopcrm.customer.Account;
import io.loopcrm.customer.Contact;
import io.loopcrm.funnel.Touch;
import io.loopcrm.lead.Lead;
import io.loopcrm.lead.LeadStatus;
import io.loopcrm.people.Member;
import io.loopcrm.people.Viewer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Converts a lead into an account, a contact and a deal in one transaction: an existing account (by
 * e-mail domain, then name) and contact (by e-mail) are reused when the lead's owner may already
 * see them ({@link #matches}), otherwise new ones are made; the lead's attribution is copied onto
 * the deal, where it is never edited again.
 */
@ApplicationScoped
public class LeadConversion {
  /** Domains of public mail services, which say nothing about the company. */
  static final Set<String> PUBLIC_MAIL =
      Set.of(
          "gmail.com",
          "outlook.com",
          "hotmail.com",
          "yahoo.com",
          "icloud.com",
          "qq.com",
          "163.com",
          "126.com",
          "foxmail.com",
          "sina.com");

  /**
   * The existing account and contact a conversion of {@code lead} reuses: only records its owner
   * may already see as a rep, so that a conversion never opens another rep's or team's customer to
   * them (a company name or e-mail typed into a lead is not a key to someone else's records).
   */
  public record Matches(Optional<Account> account, Optional<Contact> contact) {
    public static Matches of(Lead lead) {
      Viewer owner = Viewer.ownRecordsOf(lead.owner);
      return new Matches(
          Account.findMatching(companyDomainOf(lead.emailNormalized), companyName(lead), owner),
          Contact.findByEmail(lead.emailNormalized, owner));
    }
  }

  /**
   * What the rep enters when converting; {@code newAccount}: a new account for the lead's company
   * even though an existing one matches (the match is only proposed: one company's e-mail domain or
   * name can be another's).
   */
  public record Request(
      String dealName,
      BigDecimal amount,
      String currency,
      LocalDate expectedClose,
      boolean newAccount) {
    public Request(String dealName, BigDecimal amount, String currency, LocalDate expectedClose) {
      this(dealName, amount, currency, expectedClose, false);
    }
  }

  @Transactional
  public Deal convert(Lead loaded, Member by, Request request, Instant now) {
    // one conversion at a time per lead: a second click (or a second tab) waits here and then
    // finds the deal the first one made
    Lead lead = Lead.<Lead>findById(loaded.id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
    if (lead.status == LeadStatus.CONVERTED && lead.convertedDealId != null) {
      return Deal.findById(lead.convertedDealId);
    }
    if (lead.version != loaded.version) {
      throw new jakarta.persistence.OptimisticLockException(
          "the lead changed while it was being converted");
    }
    lead.moveTo(LeadStatus.CONVERTED);

    Matches matches = Matches.of(lead);
    Account account =
        request.newAccount()
            ? newAccount(lead)
            : matches.account().orElseGet(() -> newAccount(lead));
    // a known contact only on the account it belongs to (a new account starts with its own)
    Contact contact =
        matches
            .contact()
            .filter(c -> !request.newAccount() || c.account == account)
            .orElseGet(() -> newContact(lead, account));

    PipelineStage first =
        PipelineStage.<PipelineStage>find(
                "kind = ?1 and archived = false order by position", PipelineStage.Kind.OPEN)
            .firstResult();
    Deal deal = io.loopcrm.deal.DealOpening.open(request.dealName(), account, lead.owner, first);
    deal.contact = contact;
    deal.lead = lead;
    deal.amount = request.amount();
    deal.currency = request.currency();
    deal.expectedClose = request.expectedClose();
    deal.firstTouch = lead.firstTouch == null ? null : lead.firstTouch.copy();
    deal.lastTouch = lead.lastTouch == null ? null : lead.lastTouch.copy();
    deal.conversionTouch =
        new Touch(
            lead.campaign == null ? null : lead.campaign.id,
            lead.variant == null ? null : lead.variant.id,
            lead.utmSource,
            lead.utmMedium,
            lead.utmCampaign,
            now);
    deal.stageEnteredAt = now;
    deal.persist();

    StageChange entered = new StageChange();
    entered.deal = deal;
    entered.toStage = first;
    entered.changedBy = by;
    entered.changedAt = now;
    entered.persist();

    lead.convertedDealId = deal.id;
    deal.flush();
    return deal;
  }

  /** The company domain of an e-mail address, or null for public mail services. */
  public static String companyDomainOf(String email) {
    if (email == null || !email.contains("@")) {
      return null;
    }
    String domain = email.substring(email.indexOf('@') + 1).toLowerCase(Locale.ROOT);
    return PUBLIC_MAIL.contains(domain) ? null : domain;
  }

  /** The name of the lead's company, or the person's name when they gave none. */
  private static String companyName(Lead lead) {
    return lead.company == null || lead.company.isBlank() ? lead.getName() : lead.company;
  }

  private static Account newAccount(Lead lead) {
    Account a = new Account();
    a.name = companyName(lead);
    a.domain = companyDomainOf(lead.emailNormalized);
    a.industry = lead.industry;
    a.region = lead.region;
    a.owner = lead.owner;
    a.persist();
    return a;
  }

  private static Contact newContact(Lead lead, Account account) {
    Contact c = new Contact();
    c.account = account;
    c.firstName = lead.firstName;
    c.lastName = lead.lastName;
    c.email = lead.email;
    c.emailNormalized = lead.emailNormalized;
    c.phone = lead.phone;
    c.title = lead.title;
    c.owner = lead.owner;
    c.persist();
    return c;
  }
}
