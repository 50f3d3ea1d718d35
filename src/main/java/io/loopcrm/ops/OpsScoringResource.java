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
import jakarta.validation.Validator;
import jakarta.ws.rs.BeanParam;
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

/** The lead score: fit and engagement rules; every change scores all leads again. */
@Path("/ops/scoring")
@RolesAllowed(Roles.OPERATIONS)
public class OpsScoringResource {
  @Inject LeadScorer scorer;
  @Inject Rescoring rescoring;
  @Inject Pages pages;
  @Inject Validator validator;

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
  public Response add(@BeanParam ScoringInput in) {
    FormErrors errors = FormErrors.of(validator.validate(in));
    if (errors.isPresent()) {
      return pages.withStatus(422, page(in.values(), errors));
    }
    QuarkusTransaction.requiringNew().run(() -> in.toRule().persist());
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
