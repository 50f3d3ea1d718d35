package io.loopcrm.sales;

import io.loopcrm.lead.Lead;
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
import java.time.Clock;
import java.time.Instant;

/** An e-mail to a lead, written on its page; sending it counts as the first response. */
@Path("/sales/leads/{id}/email")
@RolesAllowed({Roles.SALES, Roles.SALES_MANAGER})
public class SalesLeadMailResource {
  @Inject CurrentMember me;
  @Inject MailCompose compose;
  @Inject Clock clock;

  @GET
  @Produces(MediaType.TEXT_HTML)
  public TemplateInstance form(
      @PathParam("id") long id, @jakarta.ws.rs.QueryParam("template") String template) {
    Lead lead = Lead.findEditable(id, me.viewer());
    return compose.form(about(lead), template);
  }

  @POST
  @Transactional
  public Response send(@PathParam("id") long id, @BeanParam MailInput input) {
    Lead lead = Lead.findEditable(id, me.viewer());
    return compose.send(
        about(lead),
        input,
        a -> {
          a.lead = lead;
          lead.contacted(false, Instant.now(clock));
        });
  }

  private static MailCompose.About about(Lead lead) {
    return new MailCompose.About(
        lead.getName(),
        SalesPaths.path(lead),
        SalesPaths.mailPath(lead),
        lead.email,
        MailCompose.fields(lead.firstName, lead.lastName, lead.company));
  }
}
