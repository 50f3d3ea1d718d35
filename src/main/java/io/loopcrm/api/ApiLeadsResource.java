package io.loopcrm.api;

import io.loopcrm.capture.CaptureGate;
import io.loopcrm.capture.LeadCapture;
import io.loopcrm.capture.TrackingCodes;
import io.loopcrm.lead.Lead;
import io.loopcrm.lead.LeadFilter;
import io.loopcrm.lead.LeadSearch;
import io.loopcrm.people.CurrentMember;
import io.loopcrm.people.Roles;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The lead API for integrations: create a lead with the same dedupe, attribution and routing as the
 * web form (an {@code Idempotency-Key} makes retries safe), read one, list with the filters of the
 * pages. Bearer tokens of a Keycloak client with the operations role.
 */
@Path("/api/leads")
@RolesAllowed(Roles.OPERATIONS)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Leads", description = "Create, read and list leads")
public class ApiLeadsResource {

  @Inject LeadCapture capture;
  @Inject CaptureGate gate;
  @Inject TrackingCodes codes;
  @Inject LeadSearch search;
  @Inject CurrentMember me;
  @Inject EntityManager em;
  @Inject Clock clock;

  /** A lead as an integration sends it. */
  @Schema(name = "LeadInput")
  public record LeadInput(
      String firstName,
      @Schema(required = true) String lastName,
      String email,
      String phone,
      String company,
      String title,
      String region,
      String segment,
      String industry,
      String companySize,
      String source,
      @Schema(description = "Tracking code of the campaign variant the lead responded to")
          String variantCode,
      String utmSource,
      String utmMedium,
      String utmCampaign) {}

  /** A lead as the API shows it. */
  @Schema(name = "Lead")
  public record LeadView(
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
      Instant createdAt) {}

  /** A page of leads; pass {@code next} as {@code after} for the next one. */
  @Schema(name = "LeadPage")
  public record LeadPageView(List<LeadView> items, String next, long count, boolean countCapped) {}

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Create a lead",
      description =
          "Deduplicated by normalised e-mail and phone (an existing lead is completed and 200 is"
              + " answered), attributed to the variant, routed by the rules. Send an Idempotency-Key"
              + " to make retries safe: a repeated key gets the first answer.")
  @RequestBody(
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = LeadInput.class),
              examples =
                  @ExampleObject(
                      name = "webinar",
                      value =
                          "{\"firstName\":\"Kei\",\"lastName\":\"Sato\",\"email\":\"kei@example.jp\","
                              + "\"company\":\"Sato Trading\",\"region\":\"Japan\",\"variantCode\":\"wbn-a\"}")))
  @APIResponse(responseCode = "201", description = "Created")
  @APIResponse(
      responseCode = "503",
      description =
          "Too many leads at once: nothing was saved; retry after the Retry-After seconds")
  @APIResponse(
      responseCode = "200",
      description = "An existing lead (same e-mail or phone) was completed")
  @APIResponse(
      responseCode = "422",
      description = "Bad input",
      content =
          @Content(
              mediaType = ApiProblem.MEDIA_TYPE,
              examples =
                  @ExampleObject(
                      name = "bad e-mail",
                      value =
                          "{\"type\":\"https://loopcrm.example/problems/422\",\"title\":\"Invalid lead\","
                              + "\"status\":422,\"detail\":\"Some fields are not valid.\","
                              + "\"errors\":{\"email\":\"not an e-mail address\"}}")))
  public Response create(
      LeadInput in,
      @Parameter(description = "Any unique string up to 100 characters, e.g. a UUID")
          @HeaderParam("Idempotency-Key")
          String idempotencyKey) {
    if (in == null) {
      throw new ApiProblem(422, "Invalid lead", "A JSON body is needed.", Map.of());
    }
    String key = idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey.trim();
    if (key != null && key.length() > 100) {
      throw new ApiProblem(
          422, "Invalid Idempotency-Key", "Keep it under 100 characters.", Map.of());
    }
    Map<String, String> errors = new LinkedHashMap<>();
    check(errors, "firstName", in.firstName(), 100, false);
    check(errors, "lastName", in.lastName(), 100, true);
    check(errors, "email", in.email(), 254, false);
    check(errors, "phone", in.phone(), 50, false);
    check(errors, "company", in.company(), 200, false);
    check(errors, "title", in.title(), 200, false);
    check(errors, "region", in.region(), 60, false);
    check(errors, "segment", in.segment(), 60, false);
    check(errors, "industry", in.industry(), 80, false);
    check(errors, "companySize", in.companySize(), 20, false);
    check(errors, "source", in.source(), 40, false);
    check(errors, "utmSource", in.utmSource(), 200, false);
    check(errors, "utmMedium", in.utmMedium(), 200, false);
    check(errors, "utmCampaign", in.utmCampaign(), 200, false);
    if (in.email() != null && !in.email().isBlank() && !Lead.isEmail(in.email())) {
      errors.putIfAbsent("email", "not an e-mail address");
    }
    if (blank(in.email()) && blank(in.phone())) {
      errors.putIfAbsent("email", "give an e-mail address or a phone number");
    }
    TrackingCodes.Target target = null;
    if (!blank(in.variantCode())) {
      target = codes.find(in.variantCode().trim());
      if (target == null) {
        errors.put("variantCode", "no variant has this tracking code");
      } else if (!target.capturing()) {
        errors.put("variantCode", "the campaign is not active");
      }
    }
    if (!errors.isEmpty()) {
      throw new ApiProblem(422, "Invalid lead", "Some fields are not valid.", errors);
    }
    LeadCapture.Submission submission =
        new LeadCapture.Submission(
            trim(in.firstName()),
            trim(in.lastName()),
            trim(in.email()),
            trim(in.phone()),
            trim(in.company()),
            trim(in.title()),
            trim(in.region()),
            trim(in.segment()),
            trim(in.industry()),
            trim(in.companySize()),
            blank(in.source()) ? "api" : in.source().trim(),
            trim(in.utmSource()),
            trim(in.utmMedium()),
            trim(in.utmCampaign()),
            null,
            null);
    Long variantId = target == null ? null : target.variantId();
    try {
      return gate.run(
          () -> QuarkusTransaction.requiringNew().call(() -> capture(submission, variantId, key)));
    } catch (CaptureGate.Busy busy) {
      return Response.fromResponse(
              new ApiProblem(503, "Busy", "Too many leads at once; try again shortly.", Map.of())
                  .toResponse())
          .header(HttpHeaders.RETRY_AFTER, CaptureGate.RETRY_AFTER_SECONDS)
          .build();
    }
  }

  /**
   * The capture itself, in one transaction: a repeated idempotency key gets the first answer, a new
   * one is kept with the lead.
   */
  private Response capture(LeadCapture.Submission submission, Long variantId, String key) {
    if (key != null) {
      em.createNativeQuery("select pg_advisory_xact_lock(hashtext(?1))")
          .setParameter(1, "idem:" + key)
          .getSingleResult();
      @SuppressWarnings("unchecked")
      List<Object[]> earlier =
          em.createNativeQuery("select lead_id, status from api_idempotency where key = ?1")
              .setParameter(1, key)
              .getResultList();
      if (!earlier.isEmpty()) {
        long id = ((Number) earlier.get(0)[0]).longValue();
        return Response.status(((Number) earlier.get(0)[1]).intValue())
            .location(URI.create("/api/leads/" + id))
            .header("Idempotent-Replayed", "true")
            .entity(view(id))
            .build();
      }
    }
    LeadCapture.Result result =
        capture.capture(submission, variantId, null, null, Instant.now(clock));
    int status = result.created() ? 201 : 200;
    if (key != null) {
      em.createNativeQuery("insert into api_idempotency (key, lead_id, status) values (?1, ?2, ?3)")
          .setParameter(1, key)
          .setParameter(2, result.leadId())
          .setParameter(3, status)
          .executeUpdate();
    }
    em.flush();
    // the lead, its owner and campaign are in this transaction's session already: no query
    return Response.status(status)
        .location(URI.create("/api/leads/" + result.leadId()))
        .entity(view(em.find(Lead.class, result.leadId())))
        .build();
  }

  @GET
  @Path("{id}")
  @Operation(summary = "Read a lead")
  @APIResponse(responseCode = "404", description = "No such lead")
  public LeadView get(@PathParam("id") long id) {
    return view(id);
  }

  @GET
  @Operation(
      summary = "List leads",
      description = "The filters of the lead pages; keyset paging: pass `next` as `after`.")
  public LeadPageView list(@jakarta.ws.rs.BeanParam io.loopcrm.lead.LeadQuery query) {
    LeadFilter filter = query.toFilter();
    LeadSearch.Page page = search.search(filter, me.viewer(), clock.getZone());
    return new LeadPageView(
        page.rows().stream().map(ApiLeadsResource::view).toList(),
        page.nextCursor(),
        page.count(),
        page.countCapped());
  }

  private static LeadView view(LeadSearch.Row r) {
    return new LeadView(
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

  private LeadView view(long id) {
    List<Lead> found =
        Lead.list(
            "from Lead l left join fetch l.owner left join fetch l.campaign where l.id = ?1", id);
    if (found.isEmpty()) {
      throw new ApiProblem(404, "Not found", "No lead has this id.", Map.of());
    }
    return view(found.get(0));
  }

  private static LeadView view(Lead l) {
    return new LeadView(
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
        l.routingNote,
        l.createdAt);
  }

  private static void check(
      Map<String, String> errors, String field, String value, int max, boolean required) {
    if (blank(value)) {
      if (required) {
        errors.put(field, "required");
      }
    } else if (value.trim().length() > max) {
      errors.put(field, "longer than " + max + " characters");
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static String trim(String s) {
    return blank(s) ? null : s.trim();
  }
}
