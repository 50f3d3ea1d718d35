package io.loopcrm.ops;

import io.loopcrm.people.Roles;
import io.loopcrm.scoring.LeadScorer;
import io.loopcrm.scoring.Rescoring;
import io.loopcrm.scoring.ScoringRule;
import io.loopcrm.web.Flash;
import io.loopcrm.web.FormErrors;
import io.loopcrm.web.Pages;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;

/** The lead score: fit and engagement rules; every change scores all leads again. */
@Path("/ops/scoring")
@RolesAllowed(Roles.OPERATIONS)
public class OpsScoringResource {
  @Inject LeadScorer scorer;
  @Inject Rescoring rescoring;
  @Inject Pages pages;

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance scoring(
        List<ScoringRule> rules,
        List<String> fit,
        List<String> engagement,
        String halfLife,
        boolean running,
        Map<String, String> values,
        FormErrors errors);
  }

  @GET
  @Produces(MediaType.TEXT_HTML)
  public TemplateInstance show() {
    Map<String, String> values = new HashMap<>();
    values.put("points", "10");
    return page(values, FormErrors.none());
  }

  @POST
  @Produces(MediaType.TEXT_HTML)
  public Response add(@RestForm String attribute, @RestForm String value, @RestForm String points) {
    Map<String, String> values = new HashMap<>();
    values.put("attribute", attribute == null ? "" : attribute);
    values.put("value", value == null ? "" : value);
    values.put("points", points == null ? "" : points);
    FormErrors errors = new FormErrors();
    boolean fit = ScoringRule.FIT.contains(values.get("attribute"));
    boolean engagement = ScoringRule.ENGAGEMENT.contains(values.get("attribute"));
    if (!fit && !engagement) {
      errors.add("attribute", "scoring_error_attribute");
    }
    String v = values.get("value").trim();
    if (fit && v.isEmpty()) {
      errors.add("value", "error_required");
    } else if (v.length() > 100) {
      errors.add("value", "error_too_long_100");
    }
    int p = 0;
    try {
      p = Integer.parseInt(values.get("points").trim());
      if (p < -1000 || p > 1000 || p == 0) {
        errors.add("points", "scoring_error_points");
      }
    } catch (NumberFormatException e) {
      errors.add("points", "scoring_error_points");
    }
    if (errors.isPresent()) {
      return pages.withStatus(422, page(values, errors));
    }
    int score = p;
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              ScoringRule r = new ScoringRule();
              r.kind = fit ? "fit" : "engagement";
              r.attribute = values.get("attribute");
              r.value = fit ? v : null;
              r.points = score;
              r.persist();
            });
    return changed();
  }

  @POST
  @Path("{id}/delete")
  public Response delete(@PathParam("id") long id) {
    boolean gone = QuarkusTransaction.requiringNew().call(() -> ScoringRule.deleteById(id));
    if (!gone) {
      throw new NotFoundException();
    }
    return changed();
  }

  @POST
  @Path("rescore")
  public Response rescore() {
    scorer.invalidate();
    rescoring.rescoreAll();
    return Flash.redirect(URI.create("/ops/scoring"), "success", "scoring_flash_rescoring");
  }

  private Response changed() {
    scorer.invalidate();
    rescoring.rescoreAll();
    return Flash.redirect(URI.create("/ops/scoring"), "success", "scoring_flash_saved");
  }

  private TemplateInstance page(Map<String, String> values, FormErrors errors) {
    return Templates.scoring(
        ScoringRule.list("order by kind desc, attribute, id"),
        ScoringRule.FIT,
        ScoringRule.ENGAGEMENT,
        Integer.toString(scorer.halfLifeDays()),
        rescoring.isRescoringAll(),
        values,
        errors);
  }
}
