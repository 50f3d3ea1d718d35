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
 * The contacts the user may see: search by name, e-mail or phone, by account, sort, keyset pages.
 */
@Path("/sales/contacts")
@RolesAllowed({Roles.SALES, Roles.SALES_MANAGER, Roles.OPERATIONS, Roles.ADMIN})
public class SalesContactsResource {
  @Inject CurrentMember me;
  @Inject CustomerSearch search;

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance list(
        CustomerSearch.Query query, CustomerSearch.Page<CustomerSearch.ContactRow> page);

    static native TemplateInstance list$rows(
        CustomerSearch.Query query, CustomerSearch.Page<CustomerSearch.ContactRow> page);
  }

  @GET
  @Produces(MediaType.TEXT_HTML)
  public TemplateInstance list(
      @QueryParam("q") String q,
      @QueryParam("account") String account,
      @QueryParam("sort") String sort,
      @QueryParam("after") String after,
      @HeaderParam("HX-Request") boolean htmx) {
    CustomerSearch.Query query =
        new CustomerSearch.Query(
            SalesAccountsResource.blankToNull(q),
            SalesAccountsResource.blankToNull(account),
            "newest".equals(sort),
            SalesAccountsResource.blankToNull(after));
    var page = search.contacts(query, me.viewer());
    return htmx ? Templates.list$rows(query, page) : Templates.list(query, page);
  }
}
