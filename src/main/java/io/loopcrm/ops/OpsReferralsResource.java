package io.loopcrm.ops;

import io.loopcrm.campaign.Campaign;
import io.loopcrm.campaign.CampaignVariant;
import io.loopcrm.customer.Contact;
import io.loopcrm.people.Roles;
import io.loopcrm.web.Flash;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;

/**
 * The referral programme: customers (contacts with a won deal) with their personal link and the
 * leads each brought, and the active referral campaign those leads count for.
 */
@Path("/ops/referrals")
@RolesAllowed(Roles.OPERATIONS)
public class OpsReferralsResource {
  @Inject EntityManager em;
  @Context UriInfo uri;

  /** A customer with their link and referred leads. */
  public record Row(long contactId, String name, String account, String code, long referred) {}

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance referrals(
        List<Row> rows, CampaignVariant programme, String baseUrl);
  }

  @GET
  @Produces(MediaType.TEXT_HTML)
  @SuppressWarnings("unchecked")
  public TemplateInstance list() {
    List<Object[]> raw =
        em.createNativeQuery(
                "select ct.id, trim(coalesce(ct.first_name, '') || ' ' || ct.last_name), a.name,"
                    + " ct.referral_code, count(l.id)"
                    + " from contact ct join account a on a.id = ct.account_id"
                    + " left join lead l on l.referrer_contact_id = ct.id"
                    + " where ct.referral_code is not null"
                    + "    or exists (select 1 from deal d where d.contact_id = ct.id and d.status = 'won')"
                    + " group by ct.id, ct.first_name, ct.last_name, a.name, ct.referral_code"
                    + " order by a.name, ct.last_name, ct.id limit 500")
            .getResultList();
    List<Row> rows =
        raw.stream()
            .map(
                r ->
                    new Row(
                        ((Number) r[0]).longValue(),
                        (String) r[1],
                        (String) r[2],
                        (String) r[3],
                        ((Number) r[4]).longValue()))
            .toList();
    return Templates.referrals(
        rows,
        io.loopcrm.capture.ReferralLinks.programmeVariant(),
        uri.getBaseUri().toString().replaceAll("/$", ""));
  }

  /** Gives the customer a personal link (once; the code never changes). */
  @POST
  @Path("{contactId}/link")
  @Transactional
  public Response link(@PathParam("contactId") long contactId) {
    Contact c = Contact.findById(contactId);
    if (c == null) {
      throw new NotFoundException();
    }
    if (c.referralCode == null) {
      c.referralCode = Campaign.newCode();
    }
    return Flash.redirect(
        URI.create("/ops/referrals#contact-" + contactId), "success", "referral_flash_link");
  }
}
