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
    String title,
    String segment,
    String industry,
    String companySize,
    String status,
    int score,
    String source,
    String region,
    String campaign,
    Long ownerId,
    String owner,
    String routing,
    Instant createdAt,
    long version) {
  /** A page of leads; pass {@code next} as {@code after} for the next one. */
  @Schema(name = "LeadPage")
  public record Page(List<ApiLeadView> items, String next, long count, boolean countCapped) {}

  /** The search's rows as the API shows them: the leads read by their ids, one statement. */
  static List<ApiLeadView> of(List<LeadSearch.Row> rows) {
    List<Long> ids = rows.stream().map(LeadSearch.Row::id).toList();
    if (ids.isEmpty()) {
      return List.of();
    }
    Map<Long, Lead> byId =
        Lead.<Lead>list(
                "from Lead l left join fetch l.owner left join fetch l.campaign where l.id in ?1",
                ids)
            .stream()
            .collect(java.util.stream.Collectors.toMap(l -> l.id, l -> l));
    // a lead deleted between the two reads is left out
    return ids.stream().filter(byId::containsKey).map(id -> of(byId.get(id))).toList();
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
        l.title,
        l.segment,
        l.industry,
        l.companySize,
        l.status.param(),
        l.score,
        l.source,
        l.region,
        l.campaign == null ? null : l.campaign.name,
        l.owner == null ? null : l.owner.id,
        l.owner == null ? null : l.owner.displayName,
        l.routingNote == null ? null : l.routingNote.text(),
        l.createdAt,
        l.version);
  }
}
