package io.loopcrm.admin;

import io.loopcrm.admin.SettingsPage.Outcome;
import io.loopcrm.funnel.ReportSetting;
import io.loopcrm.people.Roles;
import io.loopcrm.web.FormErrors;
import io.loopcrm.web.FormText;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The settings page: pipeline stages ({@link AdminStagesResource}), the editable lists ({@link
 * AdminChoicesResource}), the funnel's retention window and the first-response target, here. Every
 * change is audited (the entities are {@code Audited}).
 */
@Path("/admin/settings")
@RolesAllowed(Roles.ADMIN)
public class AdminSettingsResource {
  @Inject SettingsPage page;
  @Inject EntityManager em;

  @GET
  @Produces(MediaType.TEXT_HTML)
  public TemplateInstance show() {
    return page.render(SettingsPage.Problem.NONE);
  }

  /**
   * Sets the retention window of the funnel (a customer is retained when it wins again within this
   * many days of its first win) and re-derives every customer's retention in the same transaction;
   * the rollups follow through their triggers.
   */
  @POST
  @Path("retention")
  @Produces(MediaType.TEXT_HTML)
  public Response setRetention(@RestForm String days) {
    Integer n = FormText.integer(days);
    if (n == null || n < 1 || n > ReportSetting.MAX_RETENTION_DAYS) {
      return page.invalid(
          "retention",
          new FormErrors().add("days", "settings_error_retention_days"),
          SettingsPage.values("days", days));
    }
    int value = n;
    return page.apply(
        () -> {
          ReportSetting setting = ReportSetting.get();
          if (setting.retentionDays != value) {
            setting.retentionDays = value;
            em.flush();
            em.createNativeQuery("select funnel_refresh_all_retention()").getSingleResult();
          }
          return Outcome.saved("settings_flash_retention");
        });
  }

  /**
   * Sets the first-response target: how soon a newly assigned lead should get its rep's first
   * response, on every rep's Today page and in the funnel's team table.
   */
  @POST
  @Path("first-response")
  @Produces(MediaType.TEXT_HTML)
  public Response setFirstResponse(@RestForm String minutes) {
    Integer n = FormText.integer(minutes);
    if (n == null || n < 1 || n > ReportSetting.MAX_FIRST_RESPONSE_MINUTES) {
      return page.invalid(
          "first-response",
          new FormErrors().add("minutes", "settings_error_first_response"),
          SettingsPage.values("minutes", minutes));
    }
    int value = n;
    return page.apply(
        () -> {
          ReportSetting.get().firstResponseMinutes = value;
          return Outcome.saved("settings_flash_first_response");
        });
  }

  /**
   * Sets the segment of each company size bucket (in the buckets' order; blank: none): leads
   * written from now on without a segment get their size's, for routing and the funnel.
   */
  @POST
  @Path("segments")
  @Produces(MediaType.TEXT_HTML)
  public Response setSegments(@RestForm List<String> segment) {
    List<String> given = segment == null ? List.of() : segment;
    Map<String, String> values = new java.util.HashMap<>();
    FormErrors errors = new FormErrors();
    for (int i = 0; i < io.loopcrm.lead.Lead.COMPANY_SIZES.size(); i++) {
      String v = i < given.size() ? SettingsPage.trim(given.get(i)) : "";
      values.put("segment-" + (i + 1), v);
      if (v.length() > 60) {
        errors.add("segment-" + (i + 1), "error_too_long_60");
      }
    }
    if (errors.isPresent()) {
      return page.invalid("segments", errors, values);
    }
    return page.apply(
        () -> {
          for (io.loopcrm.lead.SegmentBand b : io.loopcrm.lead.SegmentBand.listOrdered()) {
            String v = values.get("segment-" + b.id);
            b.segment = v == null || v.isEmpty() ? null : v;
          }
          return Outcome.saved("settings_flash_segments");
        });
  }
}
