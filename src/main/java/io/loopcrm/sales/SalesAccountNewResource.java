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
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Map;

/** A customer company typed in by a rep, who owns it; refused when its web domain is known. */
@Path("/sales/accounts/new")
@RolesAllowed({Roles.SALES, Roles.SALES_MANAGER})
public class SalesAccountNewResource {
  @Inject CurrentMember me;
  @Inject Validator validator;
  @Inject Pages pages;

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance form(
        Account account, Map<String, String> values, FormErrors errors, String duplicate);
  }

  @GET
  @Produces(MediaType.TEXT_HTML)
  public TemplateInstance form() {
    return Templates.form(null, new AccountInput().values(), FormErrors.none(), null);
  }

  @POST
  @Transactional
  public Response create(@BeanParam AccountInput input) {
    Viewer viewer = me.viewer();
    FormErrors errors = input.errors(validator);
    if (errors.isPresent()) {
      return pages.withStatus(422, Templates.form(null, input.values(), errors, null));
    }
    var duplicate = Account.findByDomain(input.normalizedDomain(), null);
    if (duplicate.isPresent()) {
      return pages.withStatus(422, duplicate(input, duplicate.get(), viewer, null));
    }
    Account account = new Account();
    input.applyTo(account);
    account.owner = me.get();
    account.persist();
    return Flash.redirect(URI.create(SalesPaths.path(account)), "success", "account_flash_created");
  }

  /** The form again, naming the account with that domain only when the user may see it. */
  static TemplateInstance duplicate(
      AccountInput input, Account other, Viewer viewer, Account editing) {
    boolean visible = Account.isVisible(other.id, viewer);
    return Templates.form(
        editing,
        input.values(),
        new FormErrors()
            .add("domain", visible ? "account_error_duplicate" : "account_error_duplicate_hidden"),
        visible ? SalesPaths.path(other) : null);
  }
}
