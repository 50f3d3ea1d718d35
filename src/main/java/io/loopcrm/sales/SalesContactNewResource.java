package io.loopcrm.sales;

import io.loopcrm.customer.Account;
import io.loopcrm.customer.Contact;
import io.loopcrm.lead.Lead;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Map;

/** A person at an account the rep may see, typed in by hand; refused when the e-mail is known. */
@Path("/sales/contacts/new")
@RolesAllowed({Roles.SALES, Roles.SALES_MANAGER})
public class SalesContactNewResource {
  @Inject CurrentMember me;
  @Inject Validator validator;
  @Inject Pages pages;

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance form(
        Account account,
        Contact contact,
        Map<String, String> values,
        FormErrors errors,
        String duplicate);
  }

  @GET
  @Produces(MediaType.TEXT_HTML)
  public TemplateInstance form(@QueryParam("account") long account) {
    Account a = Account.findVisible(account, me.viewer());
    return Templates.form(a, null, new ContactInput().values(), FormErrors.none(), null);
  }

  @POST
  @Transactional
  public Response create(@QueryParam("account") long account, @BeanParam ContactInput input) {
    Viewer viewer = me.viewer();
    Account a = Account.findVisible(account, viewer);
    FormErrors errors = input.errors(validator);
    if (errors.isPresent()) {
      return pages.withStatus(422, Templates.form(a, null, input.values(), errors, null));
    }
    var duplicate = Contact.findDuplicate(Lead.normalizeEmail(input.email), null);
    if (duplicate.isPresent()) {
      return pages.withStatus(422, duplicate(a, null, input, duplicate.get(), viewer));
    }
    Contact c = new Contact();
    c.account = a;
    input.applyTo(c);
    c.owner = me.get();
    c.persist();
    return Flash.redirect(URI.create(SalesPaths.path(c)), "success", "contact_flash_created");
  }

  /** The form again, naming the contact with that e-mail only when the user may see it. */
  static TemplateInstance duplicate(
      Account account, Contact editing, ContactInput input, Contact other, Viewer viewer) {
    boolean visible = Contact.isVisible(other.id, viewer);
    return Templates.form(
        account,
        editing,
        input.values(),
        new FormErrors()
            .add("email", visible ? "contact_error_duplicate" : "contact_error_duplicate_hidden"),
        visible ? SalesPaths.path(other) : null);
  }
}
