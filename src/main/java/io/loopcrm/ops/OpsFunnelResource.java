package io.loopcrm.ops;

import io.loopcrm.funnel.CohortReport;
import io.loopcrm.funnel.FunnelPage;
import io.loopcrm.funnel.FunnelReport;
import io.loopcrm.people.Roles;
import io.loopcrm.settings.Choices;
import io.loopcrm.web.CsvDownload;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The closed loop for operations: the AARRR funnel of any slice (period, campaign, variant,
 * channel, segment, team) under first-touch, last-touch or linear attribution; economics per
 * campaign, variant or channel; the A/B verdict of a campaign's variants; what sales said about the
 * leads. Every table is also a CSV download ({@link FunnelCsv}).
 */
@Path("/ops/funnel")
@RolesAllowed(Roles.OPERATIONS)
public class OpsFunnelResource {
  @Inject FunnelReport report;
  @Inject CohortReport cohorts;
  @Inject Clock clock;
  @Inject Choices choices;

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance funnel(FunnelPage page);
  }

  @GET
  @Produces(MediaType.TEXT_HTML)
  public TemplateInstance page(@BeanParam FunnelQuery query) {
    return Templates.funnel(slice(query).page());
  }

  /** One of the page's tables as CSV, with the same filters as the page. */
  @GET
  @Path("{table}.csv")
  @Produces("text/csv")
  public Response csv(@PathParam("table") String table, @BeanParam FunnelQuery query) {
    FunnelCsv csv = FunnelCsv.of(table);
    if (csv == null) {
      throw new NotFoundException();
    }
    FunnelSlice slice = slice(query);
    FunnelPage.View view = slice.view();
    return CsvDownload.of(
        "funnel-" + table + "-" + view.fromText() + "-" + view.toText() + ".csv",
        csv.header(view.by()),
        csv.lines(slice));
  }

  private FunnelSlice slice(FunnelQuery query) {
    LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
    return new FunnelSlice(
        report,
        cohorts,
        choices,
        query,
        today,
        io.loopcrm.funnel.ReportSetting.get().firstResponseTarget());
  }
}
