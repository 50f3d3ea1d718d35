package io.loopcrm.sales;

import io.loopcrm.activity.Activity;
import io.loopcrm.customer.Account;
import io.loopcrm.customer.Contact;
import io.loopcrm.deal.Deal;
import io.loopcrm.lead.Lead;
import io.quarkus.qute.TemplateExtension;

/**
 * Where the sales pages of records are. Templates read them as properties ({@code {lead.path}},
 * {@code {deal.activitiesPath}}, {@code {task.aboutPath}}); the records themselves know no URLs.
 */
@TemplateExtension
public final class SalesPaths {
  private SalesPaths() {}

  /** The lead's page. */
  public static String path(Lead lead) {
    return leadPath(lead.id);
  }

  /** The page of a lead in a list. */
  public static String path(io.loopcrm.lead.LeadSearch.Row row) {
    return leadPath(row.id());
  }

  /** The page of the lead with this id. */
  public static String leadPath(long id) {
    return "/sales/leads/" + id;
  }

  /** Where the lead page posts a new activity. */
  static String activitiesPath(Lead lead) {
    return path(lead) + "/activities";
  }

  /** Where an e-mail to the lead is written. */
  static String mailPath(Lead lead) {
    return path(lead) + "/email";
  }

  /** Where a manager posts the lead's new owner. */
  static String ownerPath(Lead lead) {
    return path(lead) + "/owner";
  }

  /** The deal's page. */
  public static String path(Deal deal) {
    return dealPath(deal.id);
  }

  /** The page of the deal with this id. */
  public static String dealPath(long id) {
    return "/sales/deals/" + id;
  }

  /**
   * The page of a record by its kind ({@code lead}, {@code deal}, {@code account}, {@code contact})
   * and id, as the search box lists them.
   */
  public static String path(String kind, long id) {
    return switch (kind) {
      case "lead" -> leadPath(id);
      case "deal" -> dealPath(id);
      case "account" -> "/sales/accounts/" + id;
      case "contact" -> "/sales/contacts/" + id;
      default -> throw new IllegalArgumentException("no page for " + kind);
    };
  }

  /** Where the deal page posts a new activity. */
  static String activitiesPath(Deal deal) {
    return path(deal) + "/activities";
  }

  /** Where an e-mail about the deal is written (to its contact). */
  static String mailPath(Deal deal) {
    return path(deal) + "/email";
  }

  /** Where a manager posts the deal's new owner. */
  static String ownerPath(Deal deal) {
    return path(deal) + "/owner";
  }

  /** The account's page. */
  public static String path(Account account) {
    return path("account", account.id);
  }

  /** The contact's page. */
  public static String path(Contact contact) {
    return path("contact", contact.id);
  }

  /** Where an e-mail to the contact is written. */
  static String mailPath(Contact contact) {
    return path(contact) + "/email";
  }

  /** Where the record a task is about opens, if it has a page: its deal, else its lead. */
  static String aboutPath(Activity task) {
    if (task.deal != null) {
      return path(task.deal);
    }
    return task.lead == null ? null : path(task.lead);
  }
}
