package io.loopcrm.sales;

import io.loopcrm.customer.Account;
import io.loopcrm.people.CurrentMember;
import io.loopcrm.people.Roles;
import io.loopcrm.people.Viewer;
import io.loopcrm.web.Flash;
import io.loopcrm.web.FormErrors;
import io.loopcrm.web.Pages;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;

/**
 * An account's page (details, contacts, deals with totals, the leads it came from, one timeline)
 * and its edit form; read-only for operations and admin. The account's version guards the edit.
 */
@Path("/sales/accounts/{id}")
@RolesAllowed({Roles.SALES, Roles.SALES_MANAGER, Roles.OPERATIONS, Roles.ADMIN})
public class SalesAccountResource {
  @Inject CurrentMember me;
  @Inject Validator validator;
  @Inject Pages pages;

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance show(AccountPage page, Instant now);
  }

  @GET
  @Produces(MediaType.TEXT_HTML)
  public TemplateInstance show(@PathParam("id") long id) {
    Viewer viewer = me.viewer();
    return Templates.show(AccountPage.of(Account.findVisible(id, viewer), viewer), Instant.now());
  }

  @GET
  @Path("edit")
  @Produces(MediaType.TEXT_HTML)
  @RolesAllowed({Roles.SALES, Roles.SALES_MANAGER})
  public TemplateInstance edit(@PathParam("id") long id) {
    Account account = Account.findVisible(id, me.viewer());
    return SalesAccountNewResource.Templates.form(
        account, AccountInput.of(account).values(), FormErrors.none(), null);
  }

  @POST
  @Path("edit")
  @Transactional
  @RolesAllowed({Roles.SALES, Roles.SALES_MANAGER})
  public Response save(@PathParam("id") long id, @BeanParam AccountInput input) {
    Viewer viewer = me.viewer();
    Account account = Account.findVisible(id, viewer);
    FormErrors errors = input.errors(validator);
    if (errors.isPresent()) {
      return pages.withStatus(
          422, SalesAccountNewResource.Templates.form(account, input.values(), errors, null));
    }
    if (!Long.toString(account.version).equals(input.version)) {
      return pages.withStatus(
          409,
          SalesAccountNewResource.Templates.form(
              account,
              input.values(),
              new FormErrors().add("name", "account_error_conflict"),
              null));
    }
    var duplicate = Account.findByDomain(input.normalizedDomain(), account.id);
    if (duplicate.isPresent()) {
      return pages.withStatus(
          422, SalesAccountNewResource.duplicate(input, duplicate.get(), viewer, account));
    }
    input.applyTo(account);
    return Flash.redirect(URI.create(SalesPaths.path(account)), "success", "account_flash_saved");
  }
}
