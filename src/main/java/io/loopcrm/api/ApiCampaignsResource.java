package io.loopcrm.api;

import io.loopcrm.campaign.Campaign;
import io.loopcrm.campaign.CampaignVariant;
import io.loopcrm.people.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Campaigns and their variants' tracking codes, for integrations that create leads. */
@Path("/api/campaigns")
@RolesAllowed(Roles.OPERATIONS)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Campaigns", description = "Read campaigns and variants")
public class ApiCampaignsResource {
  @jakarta.inject.Inject ApiScopes scopes;

  /** A variant: its tracking code goes into {@code variantCode} of a new lead. */
  public record VariantView(
      long id, String name, String code, int weight, String trackingPath, String formPath) {}

  /** A campaign as the API shows it. */
  public record CampaignView(
      long id,
      String name,
      String status,
      String objective,
      String channel,
      LocalDate startsOn,
      LocalDate endsOn,
      String splitPath,
      List<VariantView> variants) {

    /** The API's and the webhooks' shape of campaign {@code c} with its {@code variants}. */
    public static CampaignView of(Campaign c, List<CampaignVariant> variants) {
      return new CampaignView(
          c.id,
          c.name,
          c.status.code(),
          c.objectiveCode(),
          c.channel.code(),
          c.startsOn,
          c.endsOn,
          "/t/c/" + c.code,
          variants.stream()
              .map(
                  v ->
                      new VariantView(
                          v.id,
                          v.name,
                          v.trackingCode,
                          v.weight,
                          "/t/" + v.trackingCode,
                          "/f/" + v.trackingCode))
              .toList());
    }
  }

  @GET
  @Operation(operationId = "listCampaigns", summary = "List campaigns with their variants")
  public List<CampaignView> list() {
    scopes.require("campaigns:read");
    Map<Long, List<CampaignVariant>> variants =
        CampaignVariant.<CampaignVariant>list("order by name, id").stream()
            .collect(Collectors.groupingBy(v -> v.campaign.id));
    return Campaign.<Campaign>list("order by createdAt desc, id desc").stream()
        .map(c -> CampaignView.of(c, variants.getOrDefault(c.id, List.of())))
        .toList();
  }
}
