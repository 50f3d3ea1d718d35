package io.loopcrm.capture;

import io.loopcrm.campaign.CampaignVariant;
import io.loopcrm.customer.Contact;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

/**
 * A customer's referral link {@code /r/{code}}: sends the visitor to the form of the active
 * referral programme (the newest active campaign whose objective is referral), carrying the code,
 * so the lead names the customer who referred it and counts for that campaign.
 */
@Path("/r/{code}")
@PermitAll
public class ReferralResource {

  @GET
  public Response follow(@PathParam("code") String code) {
    if (code == null || !code.matches("[a-z0-9]{6,32}")) {
      throw new NotFoundException();
    }
    if (Contact.count("referralCode", code) == 0) {
      throw new NotFoundException();
    }
    CampaignVariant programme = ReferralLinks.programmeVariant();
    if (programme == null) {
      throw new NotFoundException();
    }
    return Response.status(Response.Status.FOUND)
        .location(
            UriBuilder.fromPath("/f/" + programme.trackingCode)
                .queryParam("ref", code)
                .queryParam("utm_source", "referral")
                .queryParam("utm_medium", "referral")
                .build())
        .header("Cache-Control", "no-store")
        .build();
  }
}
