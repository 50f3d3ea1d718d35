package io.loopcrm.api;

import io.loopcrm.capture.CaptureGate;
import io.loopcrm.capture.LeadCapture;
import io.loopcrm.capture.PendingLeads;
import io.loopcrm.capture.TrackingCodes;
import io.loopcrm.lead.Lead;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Creating a lead through the API, step by step: the input checked field by field (a problem
 * document names each bad field), a place at the capture gate (503 and Retry-After when there is
 * none), then the capture and its idempotency key in one transaction.
 */
@ApplicationScoped
class ApiLeadCreation {
  @Inject LeadCapture capture;
  @Inject CaptureGate gate;
  @Inject TrackingCodes codes;
  @Inject EntityManager em;
  @Inject Clock clock;
  @Inject ApiIdempotency idempotency;

  Response create(ApiLeadInput in, String idempotencyKey) {
    if (in == null) {
      throw new ApiProblem(422, "Invalid lead", "A JSON body is needed.", Map.of());
    }
    String key = ApiIdempotency.key(idempotencyKey);
    TrackingCodes.Target target = checked(in);
    LeadCapture.Submission submission = submission(in);
    Long variantId = target == null ? null : target.variantId();
    try {
      // keys are the client's own: another integration may use the same one
      String client = idempotency.client();
      String body = ApiIdempotency.digest(submission + "\n" + variantId);
      Answer a =
          gate.runDeferred(submission, () -> capture(submission, variantId, client, key, body));
      if (a.lead() == null) {
        throw ApiIdempotency.reused();
      }
      Response.ResponseBuilder r =
          Response.status(a.status()).location(URI.create("/api/leads/" + a.lead().id()));
      return (a.replayed() ? r.header("Idempotent-Replayed", "true") : r).entity(a.lead()).build();
    } catch (CaptureGate.Busy | CaptureGate.Unavailable notNow) {
      return notNow(notNow instanceof CaptureGate.Busy);
    }
  }

  /**
   * The input checked field by field; a 422 problem document names each bad field. Returns the
   * campaign variant its tracking code names, if any.
   */
  private TrackingCodes.Target checked(ApiLeadInput in) {
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
    return target;
  }

  /**
   * A checked input as the capture takes it: trimmed, blank as none, "api" as its default source.
   */
  private static LeadCapture.Submission submission(ApiLeadInput in) {
    return new LeadCapture.Submission(
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
  }

  /** 503 with Retry-After: the gate had no place in time, or the database was away. */
  private static Response notNow(boolean busy) {
    ApiProblem problem =
        busy
            ? new ApiProblem(503, "Busy", "Too many leads at once; try again shortly.", Map.of())
            : new ApiProblem(
                503,
                "Unavailable",
                "The lead could not be saved just now and nothing was kept; send it again"
                    + " shortly (the same person is found again, never saved twice).",
                Map.of());
    return Response.fromResponse(problem.toResponse())
        .header(HttpHeaders.RETRY_AFTER, CaptureGate.RETRY_AFTER_SECONDS)
        .build();
  }

  /** What the capture answers, built into a response on the request's thread. */
  private record Answer(int status, boolean replayed, ApiLeadView lead) {}

  /**
   * The capture itself, in the capture writer's transaction: a repeated idempotency key gets the
   * first answer, a new one is kept with the lead.
   */
  private PendingLeads.Deferred<Answer> capture(
      LeadCapture.Submission submission, Long variantId, String client, String key, String body) {
    if (key != null) {
      java.util.Optional<ApiIdempotency.Earlier> earlier;
      try {
        earlier = idempotency.earlier(client, key, "lead", body);
      } catch (ApiProblem reused) {
        // no lead, which create() answers with 422
        return PendingLeads.Deferred.of(new Answer(422, false, null));
      }
      if (earlier.isPresent()) {
        return PendingLeads.Deferred.of(
            new Answer(earlier.get().status(), true, ApiLeadView.of(earlier.get().id())));
      }
    }
    return capture
        .capture(submission, variantId, null, false, null, Instant.now(clock))
        .then(result -> answer(result, client, key, body));
  }

  /** Once the lead is written: the key kept with it, and the lead as the API shows it. */
  private Answer answer(LeadCapture.Result result, String client, String key, String body) {
    int status = result.created() ? 201 : 200;
    if (key != null) {
      idempotency.remember(client, key, "lead", body, status, result.leadId());
    }
    em.flush();
    // the lead, its owner and campaign are in this transaction's session already: no query
    return new Answer(status, false, ApiLeadView.of(em.find(Lead.class, result.leadId())));
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
