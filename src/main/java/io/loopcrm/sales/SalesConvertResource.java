package io.loopcrm.sales;

import io.loopcrm.customer.Account;
import io.loopcrm.customer.Contact;
import io.loopcrm.deal.Deal;
import io.loopcrm.deal.LeadConversion;
import io.loopcrm.lead.Lead;
import io.loopcrm.lead.LeadStatus;
import io.loopcrm.people.CurrentMember;
import io.loopcrm.people.Roles;
import io.loopcrm.web.Flash;
import io.loopcrm.web.FormErrors;
import io.loopcrm.web.Pages;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Converting a lead into account + contact + deal, reusing an account or contact that exists. */
@Path("/sales/leads/{id}/convert")
@RolesAllowed({Roles.SALES, Roles.SALES_MANAGER})
public class SalesConvertResource {
  @Inject CurrentMember me;
  @Inject LeadConversion conversion;
  @Inject Pages pages;
  @Inject Clock clock;
  @Inject jakarta.validation.Validator validator;

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance form(
        Lead lead,
        Account existingAccount,
        Contact existingContact,
        List<String> currencies,
        FormErrors errors,
        Map<String, String> values);
  }

  @GET
  @Produces(MediaType.TEXT_HTML)
  public Response form(@PathParam("id") long id) {
    Lead lead = Lead.findEditable(id, me.viewer());
    if (lead.status == LeadStatus.CONVERTED) {
      return Response.seeOther(URI.create(SalesPaths.dealPath(lead.convertedDealId))).build();
    }
    Map<String, String> values = new HashMap<>();
    values.put("dealName", (lead.company == null ? lead.getName() : lead.company));
    values.put("currency", "USD");
    return Response.ok(page(lead, FormErrors.none(), values)).build();
  }

  @POST
  public Response convert(
      @PathParam("id") long id,
      @BeanParam DealInput input,
      @org.jboss.resteasy.reactive.RestForm String account) {
    Lead lead = Lead.findEditable(id, me.viewer());
    if (lead.status == LeadStatus.CONVERTED) {
      // a second click on the same form: the deal exists already
      return Response.seeOther(URI.create(SalesPaths.dealPath(lead.convertedDealId))).build();
    }
    DealForm form = input.form(validator);
    if (!lead.status.isConvertible()) {
      form.errors().add("dealName", "convert_error_status");
    }
    if (form.errors().isPresent()) {
      Map<String, String> typed = new HashMap<>(form.values());
      typed.put("account", "new".equals(account) ? "new" : "existing");
      return pages.withStatus(422, page(lead, form.errors(), typed));
    }
    Deal deal =
        conversion.convert(
            lead,
            me.get(),
            new LeadConversion.Request(
                form.name(),
                form.amount(),
                form.currency(),
                form.expectedClose(),
                "new".equals(account)),
            Instant.now(clock));
    return Flash.redirect(
        URI.create(SalesPaths.dealPath(deal.id)), "success", "convert_flash_done");
  }

  private TemplateInstance page(Lead lead, FormErrors errors, Map<String, String> values) {
    // what the conversion will reuse: only records the lead's owner may see already
    LeadConversion.Matches matches = LeadConversion.Matches.of(lead);
    return Templates.form(
        lead,
        matches.account().orElse(null),
        matches.contact().orElse(null),
        DealForm.currencies(),
        errors,
        values);
  }
}
