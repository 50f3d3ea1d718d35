package io.loopcrm.admin;

import io.loopcrm.audit.AuditSearch;
import io.loopcrm.common.Params;
import io.loopcrm.people.Roles;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.util.List;

/** The audit trail for administrators: search by record, user, type and date. Read-only. */
@Path("/admin/audit")
@RolesAllowed(Roles.ADMIN)
public class AdminAuditResource {
  static final List<String> TYPES =
      List.of(
          "lead",
          "deal",
          "campaign",
          "campaignvariant",
          "costentry",
          "account",
          "contact",
          "activity",
          "quota",
          "team",
          "member",
          "pipelinestage",
          "choice",
          "routingrule",
          "scoringrule",
          "reportsetting",
          "segmentband",
          "importjob");
  private static final int PAGE = 50;

  @Inject AuditSearch search;
  @Inject Clock clock;

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance audit(
        AuditSearch.Filter filter, AuditSearch.Page page, List<TypeOption> types, String query);
  }

  @GET
  @Produces(MediaType.TEXT_HTML)
  public TemplateInstance list(
      @QueryParam("type") String type,
      @QueryParam("record") String record,
      @QueryParam("actor") String actor,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("before") Long before) {
    AuditSearch.Filter filter =
        new AuditSearch.Filter(
            type != null && TYPES.contains(type) ? type : null,
            Params.parseLong(record),
            actor == null || actor.isBlank() ? null : actor.trim(),
            Params.parseDate(from),
            Params.parseDate(to),
            before);
    String query =
        "type="
            + str(filter.type())
            + "&record="
            + str(filter.entityId())
            + "&actor="
            + java.net.URLEncoder.encode(
                str(filter.actor()), java.nio.charset.StandardCharsets.UTF_8)
            + "&from="
            + str(filter.from())
            + "&to="
            + str(filter.to());
    List<TypeOption> options =
        TYPES.stream().map(t -> new TypeOption(t, "audit_type_" + t)).toList();
    return Templates.audit(filter, search.search(filter, PAGE, clock.getZone()), options, query);
  }

  /** A record type in the filter menu. */
  public record TypeOption(String code, String labelKey) {}

  private static String str(Object o) {
    return o == null ? "" : o.toString();
  }
}
