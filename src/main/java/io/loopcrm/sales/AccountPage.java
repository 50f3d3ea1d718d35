package io.loopcrm.sales;

import io.loopcrm.activity.Activity;
import io.loopcrm.campaign.Campaign;
import io.loopcrm.customer.Account;
import io.loopcrm.customer.Contact;
import io.loopcrm.deal.Deal;
import io.loopcrm.lead.Lead;
import io.loopcrm.people.Roles;
import io.loopcrm.people.Viewer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Everything on an account's page: its contacts, its open, won and lost deals with totals per
 * currency, the leads it came from with their first-touch campaign, and one timeline of what
 * happened on any of them. Only what the viewer may see; operations gets deal totals, no deal list.
 */
public record AccountPage(
    Account account,
    List<Contact> contacts,
    List<Deal> deals,
    List<Total> totals,
    List<Origin> origins,
    List<Activity> timeline,
    boolean editable,
    boolean dealsListed) {

  /** Deals of one status in one currency. */
  public record Total(Deal.Status status, String currency, long count, BigDecimal amount) {
    public String labelKey() {
      return "account_deals_" + status.name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** A lead the account came from, with its first-touch campaign. */
  public record Origin(Lead lead, String campaignName) {}

  static AccountPage of(Account account, Viewer viewer) {
    List<Contact> contacts = Contact.listVisibleOf(account, viewer);
    List<Deal> all =
        Deal.<Deal>list(
            "from Deal d join fetch d.owner o where d.account = ?1 order by d.status, d.expectedClose, d.id",
            account);
    List<Deal> deals = all.stream().filter(d -> viewer.sees(d.owner)).toList();
    Map<String, Total> totals = new LinkedHashMap<>();
    for (Deal d : deals) {
      totals.merge(
          d.status + d.currency,
          new Total(d.status, d.currency, 1, d.amount == null ? BigDecimal.ZERO : d.amount),
          (a, b) -> new Total(a.status(), a.currency(), a.count() + 1, a.amount().add(b.amount())));
    }
    List<Long> dealIds = deals.stream().map(d -> d.id).toList();
    List<Lead> leads =
        dealIds.isEmpty()
            ? List.of()
            : Lead.list(
                "from Lead l left join fetch l.owner where l.convertedDealId in ?1", dealIds);
    List<Long> campaignIds =
        leads.stream()
            .map(l -> l.firstTouch == null ? null : l.firstTouch.campaignId)
            .filter(Objects::nonNull)
            .distinct()
            .toList();
    Map<Long, String> names =
        campaignIds.isEmpty()
            ? Map.of()
            : Campaign.<Campaign>list("id in ?1", campaignIds).stream()
                .collect(Collectors.toMap(c -> c.id, c -> c.name));
    List<Origin> origins = new ArrayList<>();
    for (Lead l : leads) {
      origins.add(new Origin(l, l.firstTouch == null ? null : names.get(l.firstTouch.campaignId)));
    }
    List<Activity> timeline =
        Activity.timelineOf(
            contacts.stream().map(c -> c.id).toList(),
            dealIds,
            leads.stream().map(l -> l.id).toList());
    boolean sales =
        viewer.roles().contains(Roles.SALES) || viewer.roles().contains(Roles.SALES_MANAGER);
    return new AccountPage(
        account,
        contacts,
        sales || viewer.roles().contains(Roles.ADMIN) ? deals : List.of(),
        new ArrayList<>(totals.values()),
        origins,
        timeline,
        sales,
        sales || viewer.roles().contains(Roles.ADMIN));
  }
}
