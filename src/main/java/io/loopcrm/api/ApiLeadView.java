package io.loopcrm.api;

import io.loopcrm.lead.Lead;
import io.loopcrm.lead.LeadSearch;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A lead as the API shows it. */
@Schema(name = "Lead")
public record ApiLeadView(
    long id,
    String firstName,
    String lastName,
    String email,
    String phone,
    String company,
    String status,
    int score,
    String source,
    String region,
    String campaign,
    String owner,
    String routing,
    Instant createdAt) {
  /** A page of leads; pass {@code next} as {@code after} for the next one. */
  @Schema(name = "LeadPage")
  public record Page(List<ApiLeadView> items, String next, long count, boolean countCapped) {}

  static ApiLeadView of(LeadSearch.Row r) {
    return new ApiLeadView(
        r.id(),
        r.firstName(),
        r.lastName(),
        r.email(),
        r.phone(),
        r.company(),
        r.status().param(),
        r.score(),
        r.source(),
        r.region(),
        r.campaignName(),
        r.ownerName(),
        null,
        r.createdAt());
  }

  static ApiLeadView of(long id) {
    List<Lead> found =
        Lead.list(
            "from Lead l left join fetch l.owner left join fetch l.campaign where l.id = ?1", id);
    if (found.isEmpty()) {
      throw new ApiProblem(404, "Not found", "No lead has this id.", Map.of());
    }
    return of(found.get(0));
  }

  public static ApiLeadView of(Lead l) {
    return new ApiLeadView(
        l.id,
        l.firstName,
        l.lastName,
        l.email,
        l.phone,
        l.company,
        l.status.param(),
        l.score,
        l.source,
        l.region,
        l.campaign == null ? null : l.campaign.name,
        l.owner == null ? null : l.owner.displayName,
        l.routingNote == null ? null : l.routingNote.text(),
        l.createdAt);
  }
}
