package io.loopcrm.sales;

import io.loopcrm.customer.CustomerSearch;
import io.loopcrm.people.CurrentMember;
import io.loopcrm.people.Roles;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * The accounts the user may see: search by name or domain, filter by region, sort, keyset pages.
 */
@Path("/sales/accounts")
@RolesAllowed({Roles.SALES, Roles.SALES_MANAGER, Roles.OPERATIONS, Roles.ADMIN})
public class SalesAccountsResource {
  @Inject CurrentMember me;
  @Inject CustomerSearch search;

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance list(
        CustomerSearch.Query query,
        CustomerSearch.Page<CustomerSearch.AccountRow> page,
        boolean sales);

    static native TemplateInstance list$rows(
        CustomerSearch.Query query,
        CustomerSearch.Page<CustomerSearch.AccountRow> page,
        boolean sales);
  }

  @GET
  @Produces(MediaType.TEXT_HTML)
  public TemplateInstance list(
      @QueryParam("q") String q,
      @QueryParam("region") String region,
      @QueryParam("sort") String sort,
      @QueryParam("after") String after,
      @HeaderParam("HX-Request") boolean htmx) {
    CustomerSearch.Query query =
        new CustomerSearch.Query(
            blankToNull(q), blankToNull(region), "newest".equals(sort), blankToNull(after));
    var page = search.accounts(query, me.viewer());
    boolean sales = me.viewer().roles().contains(Roles.SALES);
    return htmx ? Templates.list$rows(query, page, sales) : Templates.list(query, page, sales);
  }

  static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
