package io.loopcrm.sales;

import io.loopcrm.activity.Activity;
import io.loopcrm.customer.Contact;
import io.loopcrm.deal.Deal;
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
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * A contact's page (details, account, deals, timeline) and edit form; read-only for ops and admin.
 */
@Path("/sales/contacts/{id}")
@RolesAllowed({Roles.SALES, Roles.SALES_MANAGER, Roles.OPERATIONS, Roles.ADMIN})
public class SalesContactResource {
  @Inject CurrentMember me;
  @Inject Validator validator;
  @Inject Pages pages;

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance show(
        Contact contact, List<Deal> deals, List<Activity> timeline, boolean editable, Instant now);
  }

  @GET
  @Produces(MediaType.TEXT_HTML)
  public TemplateInstance show(@PathParam("id") long id) {
    Viewer viewer = me.viewer();
    Contact contact = Contact.findVisible(id, viewer);
    boolean sales =
        viewer.roles().contains(Roles.SALES) || viewer.roles().contains(Roles.SALES_MANAGER);
    List<Deal> deals =
        viewer.roles().contains(Roles.OPERATIONS) && !sales
            ? List.of()
            : Deal.<Deal>list(
                    "from Deal d join fetch d.owner where d.contact = ?1 order by d.status, d.expectedClose, d.id",
                    contact)
                .stream()
                .filter(d -> viewer.sees(d.owner))
                .toList();
    List<Long> leads =
        Lead.<Lead>list(
                "referrerContact = ?1 or emailNormalized = ?2",
                contact,
                contact.emailNormalized == null ? "" : contact.emailNormalized)
            .stream()
            .filter(l -> viewer.sees(l.owner))
            .map(l -> l.id)
            .toList();
    List<Activity> timeline =
        Activity.timelineOf(List.of(contact.id), deals.stream().map(d -> d.id).toList(), leads);
    return Templates.show(contact, deals, timeline, sales, Instant.now());
  }

  @GET
  @Path("edit")
  @Produces(MediaType.TEXT_HTML)
  @RolesAllowed({Roles.SALES, Roles.SALES_MANAGER})
  public TemplateInstance edit(@PathParam("id") long id) {
    Contact c = Contact.findVisible(id, me.viewer());
    return SalesContactNewResource.Templates.form(
        c.account, c, ContactInput.of(c).values(), FormErrors.none(), null);
  }

  @POST
  @Path("edit")
  @Transactional
  @RolesAllowed({Roles.SALES, Roles.SALES_MANAGER})
  public Response save(@PathParam("id") long id, @BeanParam ContactInput input) {
    Viewer viewer = me.viewer();
    Contact c = Contact.findVisible(id, viewer);
    FormErrors errors = input.errors(validator);
    if (!errors.isPresent() && !Long.toString(c.version).equals(input.version)) {
      errors.add("lastName", "account_error_conflict");
    }
    if (errors.isPresent()) {
      return pages.withStatus(
          errors.has("lastName") && errors.get("lastName").equals("account_error_conflict")
              ? 409
              : 422,
          SalesContactNewResource.Templates.form(c.account, c, input.values(), errors, null));
    }
    var duplicate = Contact.findDuplicate(Lead.normalizeEmail(input.email), c.id);
    if (duplicate.isPresent()) {
      return pages.withStatus(
          422, SalesContactNewResource.duplicate(c.account, c, input, duplicate.get(), viewer));
    }
    input.applyTo(c);
    return Flash.redirect(URI.create(SalesPaths.path(c)), "success", "contact_flash_saved");
  }
}
