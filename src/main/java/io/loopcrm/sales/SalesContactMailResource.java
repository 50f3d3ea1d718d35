package io.loopcrm.sales;

import io.loopcrm.customer.Contact;
import io.loopcrm.people.CurrentMember;
import io.loopcrm.people.Roles;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** An e-mail to a contact the rep may see, written on the contact's page. */
@Path("/sales/contacts/{id}/email")
@RolesAllowed({Roles.SALES, Roles.SALES_MANAGER})
public class SalesContactMailResource {
  @Inject CurrentMember me;
  @Inject MailCompose compose;

  @GET
  @Produces(MediaType.TEXT_HTML)
  public TemplateInstance form(
      @PathParam("id") long id, @jakarta.ws.rs.QueryParam("template") String template) {
    Contact contact = Contact.findVisible(id, me.viewer());
    return compose.form(about(contact), template);
  }

  @POST
  @Transactional
  public Response send(@PathParam("id") long id, @BeanParam MailInput input) {
    Contact contact = Contact.findVisible(id, me.viewer());
    return compose.send(about(contact), input, a -> a.contact = contact);
  }

  private static MailCompose.About about(Contact contact) {
    return new MailCompose.About(
        contact.getName(),
        SalesPaths.path(contact),
        SalesPaths.mailPath(contact),
        contact.email,
        MailCompose.fields(contact.firstName, contact.lastName, contact.account.name));
  }
}
