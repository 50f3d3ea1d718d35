package io.loopcrm.ops;

import io.loopcrm.campaign.Campaign;
import io.loopcrm.campaign.CampaignVariant;
import io.loopcrm.customer.Contact;
import io.loopcrm.customer.ReferralCustomers;
import io.loopcrm.people.Roles;
import io.loopcrm.web.Flash;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * The referral programme: customers (contacts with a won deal) with their personal link and the
 * leads each brought, found by name, e-mail, phone or account, 50 a page; and the active referral
 * campaign those leads count for.
 */
@Path("/ops/referrals")
@RolesAllowed(Roles.OPERATIONS)
public class OpsReferralsResource {
  @Inject ReferralCustomers customers;
  @Context UriInfo uri;

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance referrals(
        String q, ReferralCustomers.Page page, CampaignVariant programme, String baseUrl);

    static native TemplateInstance referrals$rows(
        String q, ReferralCustomers.Page page, CampaignVariant programme, String baseUrl);
  }

  /** The page, or its rows alone for the search box and "more" (htmx). */
  @GET
  @Produces(MediaType.TEXT_HTML)
  public TemplateInstance list(
      @QueryParam("q") String q,
      @QueryParam("after") String after,
      @HeaderParam("HX-Request") boolean htmx) {
    String text = q == null || q.isBlank() ? null : q.trim();
    ReferralCustomers.Page page =
        customers.find(text, after == null || after.isBlank() ? null : after);
    CampaignVariant programme = io.loopcrm.capture.ReferralLinks.programmeVariant();
    String baseUrl = uri.getBaseUri().toString().replaceAll("/$", "");
    return htmx
        ? Templates.referrals$rows(text, page, programme, baseUrl)
        : Templates.referrals(text, page, programme, baseUrl);
  }

  /** Gives the customer a personal link (once; the code never changes). */
  @POST
  @Path("{contactId}/link")
  @Transactional
  public Response link(@PathParam("contactId") long contactId, @FormParam("q") String q) {
    Contact c = Contact.findById(contactId);
    if (c == null) {
      throw new NotFoundException();
    }
    if (c.referralCode == null) {
      c.referralCode = Campaign.newCode();
    }
    // back to the list the link was made from (its search), at the customer's row
    String back =
        q == null || q.isBlank()
            ? "/ops/referrals"
            : "/ops/referrals?q=" + java.net.URLEncoder.encode(q.trim(), StandardCharsets.UTF_8);
    return Flash.redirect(
        URI.create(back + "#contact-" + contactId), "success", "referral_flash_link");
  }
}
