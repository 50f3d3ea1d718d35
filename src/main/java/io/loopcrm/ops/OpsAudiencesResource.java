package io.loopcrm.ops;

import io.loopcrm.campaign.Campaign;
import io.loopcrm.campaign.Channel;
import io.loopcrm.lead.Audience;
import io.loopcrm.lead.LeadCsv;
import io.loopcrm.lead.LeadFilter;
import io.loopcrm.lead.LeadSearch;
import io.loopcrm.lead.LeadStatus;
import io.loopcrm.people.CurrentMember;
import io.loopcrm.people.Roles;
import io.loopcrm.web.Flash;
import io.loopcrm.web.FormErrors;
import io.loopcrm.web.Pages;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Audiences: operations builds saved filters over leads on a page with a live count, reads the
 * first members and downloads them all as CSV.
 */
@Path("/ops/audiences")
@RolesAllowed(Roles.OPERATIONS)
public class OpsAudiencesResource {
  static final int PREVIEW = 20;

  @Inject CurrentMember me;
  @Inject Validator validator;
  @Inject Pages pages;
  @Inject Clock clock;
  @Inject LeadSearch search;

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance list(List<Audience> audiences);

    static native TemplateInstance form(
        Audience audience,
        Map<String, String> values,
        FormErrors errors,
        List<LeadStatus> statuses,
        List<String> chosen,
        List<Campaign> campaigns,
        List<String> channels,
        Long count,
        List<LeadSearch.Row> preview);

    static native TemplateInstance form$count(Long count);
  }

  @GET
  @Produces(MediaType.TEXT_HTML)
  public TemplateInstance list() {
    return Templates.list(Audience.list("order by lower(name)"));
  }

  @GET
  @Path("new")
  @Produces(MediaType.TEXT_HTML)
  public TemplateInstance form() {
    return page(null, new AudienceInput(), FormErrors.none(), null);
  }

  /** The live count while the form is edited: the criteria in the query, a fragment back. */
  @GET
  @Path("count")
  @Produces(MediaType.TEXT_HTML)
  @Transactional
  public TemplateInstance count(@Context UriInfo uri) {
    AudienceInput in = AudienceInput.ofQuery(uri.getQueryParameters());
    if (in.errors(validator, null).isPresent()) {
      return Templates.form$count(null);
    }
    Audience a = new Audience();
    in.applyTo(a);
    return Templates.form$count(a.count(clock.getZone(), clock.instant()));
  }

  @POST
  @Produces(MediaType.TEXT_HTML)
  @Transactional
  public Response create(@BeanParam AudienceInput input) {
    FormErrors errors = input.errors(validator, null);
    if (errors.isPresent()) {
      return pages.withStatus(422, page(null, input, errors, null));
    }
    Audience a = new Audience();
    input.applyTo(a);
    a.createdBy = me.get();
    a.persist();
    return Flash.redirect(URI.create("/ops/audiences/" + a.id), "success", "aud_flash_created");
  }

  @GET
  @Path("{id}")
  @Produces(MediaType.TEXT_HTML)
  @Transactional
  public TemplateInstance show(@PathParam("id") long id) {
    Audience a = find(id);
    return page(a, AudienceInput.of(a), FormErrors.none(), a);
  }

  @POST
  @Path("{id}")
  @Produces(MediaType.TEXT_HTML)
  @Transactional
  public Response save(@PathParam("id") long id, @BeanParam AudienceInput input) {
    Audience a = find(id);
    if (!Long.toString(a.version).equals(input.version)) {
      return pages.withStatus(
          409, page(a, AudienceInput.of(a), new FormErrors().add("name", "aud_error_conflict"), a));
    }
    FormErrors errors = input.errors(validator, id);
    if (errors.isPresent()) {
      return pages.withStatus(422, page(a, input, errors, null));
    }
    input.applyTo(a);
    a.updatedAt = clock.instant();
    return Flash.redirect(URI.create("/ops/audiences/" + id), "success", "aud_flash_saved");
  }

  /** Every member as CSV, streamed page by page (keyset), whatever their number. */
  @GET
  @Path("{id}/export.csv")
  @Produces("text/csv")
  public Response export(@PathParam("id") long id) {
    Audience.Condition within =
        QuarkusTransaction.requiringNew()
            .call(() -> find(id).condition(clock.getZone(), clock.instant()));
    var viewer = me.viewer();
    StreamingOutput body =
        out -> {
          LeadCsv csv = new LeadCsv(out);
          String cursor = null;
          do {
            LeadFilter f = LeadFilter.all().withSize(OpsLeadsResource.EXPORT_PAGE, cursor);
            LeadSearch.Page page =
                QuarkusTransaction.requiringNew()
                    .call(() -> search.search(f, viewer, clock.getZone(), within));
            for (LeadSearch.Row row : page.rows()) {
              csv.write(row);
            }
            csv.flush();
            cursor = page.nextCursor();
          } while (cursor != null);
        };
    return Response.ok(body)
        .header("Content-Disposition", "attachment; filename=\"audience-" + id + ".csv\"")
        .header("Content-Type", "text/csv; charset=UTF-8")
        .build();
  }

  private TemplateInstance page(
      Audience a, AudienceInput input, FormErrors errors, Audience counted) {
    Long count = null;
    List<LeadSearch.Row> preview = List.of();
    if (counted != null) {
      Audience.Condition within = counted.condition(clock.getZone(), clock.instant());
      count = counted.count(clock.getZone(), clock.instant());
      preview =
          search
              .search(
                  LeadFilter.all().withSize(PREVIEW, null), me.viewer(), clock.getZone(), within)
              .rows();
    }
    return Templates.form(
        a,
        input.values(),
        errors,
        List.of(LeadStatus.values()),
        input.statuses,
        Campaign.list("order by name"),
        Channel.CODES,
        count,
        preview);
  }

  private static Audience find(long id) {
    Audience a = Audience.findById(id);
    if (a == null) {
      throw new jakarta.ws.rs.NotFoundException();
    }
    return a;
  }
}
