package io.loopcrm.sales;

import io.loopcrm.deal.Deal;
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

/** An e-mail about a deal (to its contact, when it has one), written on the deal's page. */
@Path("/sales/deals/{id}/email")
@RolesAllowed({Roles.SALES, Roles.SALES_MANAGER})
public class SalesDealMailResource {
  @Inject CurrentMember me;
  @Inject MailCompose compose;

  @GET
  @Produces(MediaType.TEXT_HTML)
  public TemplateInstance form(
      @PathParam("id") long id, @jakarta.ws.rs.QueryParam("template") String template) {
    Deal deal = Deal.findEditable(id, me.viewer());
    return compose.form(about(deal), template);
  }

  @POST
  @Transactional
  public Response send(@PathParam("id") long id, @BeanParam MailInput input) {
    Deal deal = Deal.findEditable(id, me.viewer());
    return compose.send(about(deal), input, a -> a.deal = deal);
  }

  private static MailCompose.About about(Deal deal) {
    return new MailCompose.About(
        deal.name,
        SalesPaths.path(deal),
        SalesPaths.mailPath(deal),
        deal.contact == null ? null : deal.contact.email,
        MailCompose.fields(
            deal.contact == null ? null : deal.contact.firstName,
            deal.contact == null ? null : deal.contact.lastName,
            deal.account.name));
  }
}
