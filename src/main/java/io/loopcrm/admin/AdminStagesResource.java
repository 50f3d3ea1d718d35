package io.loopcrm.admin;

import io.loopcrm.admin.SettingsPage.Outcome;
import io.loopcrm.deal.PipelineStage;
import io.loopcrm.people.Roles;
import io.loopcrm.web.FormErrors;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The pipeline's stages on the settings page: add, edit, remove (archived when deals are or were in
 * it, refused while open deals sit in it) and restore. No change may leave the pipeline without an
 * open stage or with other than exactly one won and one lost stage.
 */
@Path("/admin/settings/stages")
@RolesAllowed(Roles.ADMIN)
public class AdminStagesResource {
  @Inject SettingsPage page;
  @Inject java.time.Clock clock;
  @Inject jakarta.validation.Validator validator;

  @POST
  @Produces(MediaType.TEXT_HTML)
  public Response add(@BeanParam StageInput input) {
    FormErrors errors = input.errors(validator, true);
    if (errors.isPresent()) {
      return page.invalid("stage-new", errors, input.values());
    }
    return page.apply(
        () -> {
          String rule = ruleAfter(null, input.kindValue());
          if (rule != null) {
            return Outcome.refused("stage-new", "kind", rule, input.values());
          }
          PipelineStage s = new PipelineStage();
          s.name = "custom";
          s.label = input.cleanLabel();
          s.probability = input.probabilityValue();
          s.kind = input.kindValue();
          s.position = PipelineStage.nextPosition();
          s.persist();
          s.name = "custom_" + s.id;
          return Outcome.saved("settings_flash_stage_added");
        });
  }

  @POST
  @Path("{id}")
  @Produces(MediaType.TEXT_HTML)
  public Response update(@PathParam("id") long id, @BeanParam StageInput input) {
    String form = "stage-" + id;
    FormErrors errors = input.errors(validator, false);
    if (errors.isPresent()) {
      QuarkusTransaction.joiningExisting().call(() -> stage(id));
      return page.invalid(form, errors, input.values());
    }
    return page.apply(
        () -> {
          PipelineStage s = stage(id);
          if (input.cleanLabel().isEmpty() && s.name.startsWith("custom_")) {
            return Outcome.refused(form, "label", "error_required", input.values());
          }
          String rule = ruleAfter(s, s.archived ? null : input.kindValue());
          if (rule != null) {
            return Outcome.refused(form, "kind", rule, input.values());
          }
          s.label = input.cleanLabel().isEmpty() ? null : input.cleanLabel();
          s.position = input.positionValue();
          s.changeProbability(input.probabilityValue(), java.time.Instant.now(clock));
          s.kind = input.kindValue();
          return Outcome.saved("settings_flash_saved");
        });
  }

  @POST
  @Path("{id}/remove")
  @Produces(MediaType.TEXT_HTML)
  public Response remove(@PathParam("id") long id) {
    String form = "stage-" + id;
    return page.apply(
        () -> {
          PipelineStage s = stage(id);
          if (s.openDeals() > 0) {
            return Outcome.refused(form, "remove", "settings_error_stage_has_deals", Map.of());
          }
          String rule = ruleAfter(s, null);
          if (rule != null) {
            return Outcome.refused(form, "remove", rule, Map.of());
          }
          if (s.isUsed()) {
            s.archived = true;
            return Outcome.saved("settings_flash_archived");
          }
          s.delete();
          return Outcome.saved("settings_flash_deleted");
        });
  }

  @POST
  @Path("{id}/restore")
  @Produces(MediaType.TEXT_HTML)
  public Response restore(@PathParam("id") long id) {
    return page.apply(
        () -> {
          PipelineStage s = stage(id);
          String rule = ruleAfter(s, s.kind);
          if (rule != null) {
            return Outcome.refused("stage-" + id, "remove", rule, Map.of());
          }
          s.archived = false;
          return Outcome.saved("settings_flash_restored");
        });
  }

  /**
   * The pipeline rule broken once {@code changed} (an active stage, or null) is gone from the
   * active stages and {@code added} (a kind, or null) joins them.
   */
  private static String ruleAfter(PipelineStage changed, PipelineStage.Kind added) {
    List<PipelineStage.Kind> kinds =
        Stream.concat(
                PipelineStage.listActive().stream()
                    .filter(s -> changed == null || !s.id.equals(changed.id))
                    .map(s -> s.kind),
                Stream.ofNullable(added))
            .toList();
    return PipelineStage.ruleBrokenBy(kinds);
  }

  private static PipelineStage stage(long id) {
    PipelineStage s = PipelineStage.findById(id);
    if (s == null) {
      throw new NotFoundException();
    }
    return s;
  }
}
