package io.loopcrm.sales;

import io.loopcrm.deal.DealList;
import io.loopcrm.people.CurrentMember;
import io.loopcrm.people.Roles;
import io.loopcrm.people.Viewer;
import io.loopcrm.web.CsvDownload;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The deal list's filtered rows as CSV (its own path: {@code /sales/deals/{id}} would take {@code
 * export.csv} for an id).
 */
@Path("/sales/deals/export.csv")
@RolesAllowed({Roles.SALES, Roles.SALES_MANAGER})
public class SalesDealExportResource {
  @Inject CurrentMember me;
  @Inject DealList deals;

  /** The filtered list as CSV (text cells defused against formulas), every page of it. */
  @GET
  @Produces("text/csv")
  public Response export(@BeanParam DealListQuery form) {
    Viewer viewer = me.viewer();
    DealList.Query query = form.toQuery();
    List<List<Object>> lines = new ArrayList<>();
    String after = null;
    do {
      DealList.Query pageQuery =
          new DealList.Query(
              query.stage(),
              query.status(),
              query.month(),
              query.owner(),
              query.minAmount(),
              query.maxAmount(),
              query.sort(),
              after);
      DealList.Page page = deals.find(pageQuery, viewer, 1000);
      for (DealList.Row r : page.rows()) {
        lines.add(
            Arrays.asList(
                r.id(),
                r.name(),
                r.accountName(),
                r.stage() == null ? null : r.stage().name(),
                r.status().name().toLowerCase(java.util.Locale.ROOT),
                r.amount(),
                r.currency(),
                r.expectedClose(),
                r.ownerName()));
      }
      after = page.next();
    } while (after != null);
    return CsvDownload.of(
        "deals.csv",
        List.of(
            "id",
            "name",
            "account",
            "stage",
            "status",
            "amount",
            "currency",
            "expected_close",
            "owner"),
        lines);
  }
}
