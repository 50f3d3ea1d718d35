package io.loopcrm.sales;

import io.loopcrm.customer.Account;
import io.loopcrm.customer.Contact;
import io.loopcrm.deal.Deal;
import io.loopcrm.deal.PipelineStage;
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
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;

/**
 * A deal logged by hand on an account the rep may see (a repeat purchase, a call from a customer):
 * no lead needed, no campaign attribution; the rep owns it.
 */
@Path("/sales/deals/new")
@RolesAllowed({Roles.SALES, Roles.SALES_MANAGER})
public class SalesDealNewResource {
  @Inject CurrentMember me;
  @Inject Pages pages;
  @Inject Clock clock;
  @Inject jakarta.validation.Validator validator;

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance form(
        Account account,
        List<Contact> contacts,
        List<PipelineStage> stages,
        List<String> currencies,
        Map<String, String> values,
        FormErrors errors);
  }

  @GET
  @Produces(MediaType.TEXT_HTML)
  public Response form(@QueryParam("account") Long account) {
    if (account == null) {
      return Flash.redirect(URI.create("/sales/accounts"), "info", "deal_choose_account");
    }
    Account a = Account.findVisible(account, me.viewer());
    Map<String, String> values = new HashMap<>();
    List<String> currencies = DealForm.currencies();
    values.put("currency", currencies.isEmpty() ? "" : currencies.get(0));
    return Response.ok(page(a, values, FormErrors.none())).build();
  }

  @POST
  @Transactional
  public Response create(
      @QueryParam("account") long account,
      @BeanParam DealInput input,
      @RestForm String stage,
      @RestForm String contact) {
    Viewer viewer = me.viewer();
    Account a = Account.findVisible(account, viewer);
    DealForm form = input.form(validator);
    FormErrors errors = form.errors();
    // no stage chosen (a form without JavaScript defaults, an API-like post): the first open one
    PipelineStage first =
        stage == null || stage.isBlank()
            ? PipelineStage.firstStartable()
            : PipelineStage.findStartable(io.loopcrm.common.Params.parseLong(stage));
    if (first == null) {
      errors.add("stage", "deal_error_stage");
    }
    Contact who = null;
    if (contact != null && !contact.isBlank()) {
      Long id = io.loopcrm.common.Params.parseLong(contact);
      who = id == null ? null : Contact.findChoosable(a, id, viewer).orElse(null);
      if (who == null) {
        errors.add("contact", "deal_error_contact");
      }
    }
    Map<String, String> values = new HashMap<>(form.values());
    values.put("stage", stage == null ? "" : stage);
    values.put("contact", contact == null ? "" : contact);
    if (errors.isPresent()) {
      return pages.withStatus(422, page(a, values, errors));
    }
    Deal deal =
        io.loopcrm.deal.DealOpening.direct(
            form.name(), a, who, me.get(), first, Instant.now(clock));
    deal.amount = form.amount();
    deal.currency = form.currency();
    deal.expectedClose = form.expectedClose();
    return Flash.redirect(URI.create(SalesPaths.path(deal)), "success", "deal_flash_created");
  }

  private TemplateInstance page(Account a, Map<String, String> values, FormErrors errors) {
    List<PipelineStage> stages = PipelineStage.listStartable();
    values.putIfAbsent("stage", stages.isEmpty() ? "" : stages.get(0).id.toString());
    return Templates.form(
        a, Contact.listVisibleOf(a, me.viewer()), stages, DealForm.currencies(), values, errors);
  }
}
