package io.loopcrm.sales;

import io.loopcrm.deal.Deal;
import io.loopcrm.people.CurrentMember;
import io.loopcrm.people.Roles;
import io.loopcrm.people.Viewer;
import io.loopcrm.web.Flash;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;

/**
 * A call, e-mail, meeting, note or task logged on a deal's timeline (the deal page's form), also on
 * the deal's contact.
 */
@Path("/sales/deals/{id}/activities")
@RolesAllowed({Roles.SALES, Roles.SALES_MANAGER})
public class SalesDealActivitiesResource {
  @Inject CurrentMember me;
  @Inject DealPage dealPage;
  @Inject Clock clock;
  @Inject Validator validator;

  @POST
  @Transactional
  public Response log(@PathParam("id") long id, @BeanParam ActivityInput input) {
    Viewer viewer = me.viewer();
    Deal deal = Deal.findEditable(id, viewer);
    ActivityForm form = ActivityForm.of(input, clock.getZone(), validator);
    if (form.errors().isPresent()) {
      return dealPage.invalid(deal, viewer, form.errors(), form.values());
    }
    form.save(
        me.get(),
        a -> {
          a.deal = deal;
          a.contact = deal.contact;
        });
    return Flash.redirect(
        URI.create(SalesPaths.dealPath(id) + "#timeline"), "success", "activity_flash_logged");
  }
}
