package io.loopcrm.sales;

import io.loopcrm.deal.SalesNumbers;
import io.loopcrm.funnel.Dimension;
import io.loopcrm.funnel.FunnelFilter;
import io.loopcrm.funnel.FunnelReport;
import io.loopcrm.funnel.Numbers;
import io.loopcrm.people.CurrentMember;
import io.loopcrm.people.Member;
import io.loopcrm.people.Roles;
import io.loopcrm.people.Viewer;
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
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The sales side of the loop: conversion rates of the leads a rep (or, for a manager, each member
 * of the team) received in a period, weighted pipeline by expected close month, and quota
 * attainment per month. A rep sees only their own figures.
 */
@Path("/sales/numbers")
@RolesAllowed({Roles.SALES, Roles.SALES_MANAGER})
public class SalesNumbersResource {
  static final int PIPELINE_MONTHS = 6;

  @Inject CurrentMember me;
  @Inject FunnelReport funnel;
  @Inject SalesNumbers numbers;
  @Inject Clock clock;

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance numbers(
        String fromText,
        String toText,
        List<Numbers> reps,
        Numbers total,
        boolean team,
        List<SalesNumbers.PipelineMonth> pipeline,
        List<SalesNumbers.Attainment> attainment);
  }

  /** What the page shows, for the page and its CSV downloads. */
  record Figures(
      String fromText,
      String toText,
      List<Numbers> reps,
      Numbers total,
      boolean team,
      List<SalesNumbers.PipelineMonth> pipeline,
      List<SalesNumbers.Attainment> attainment) {}

  @GET
  @Produces(MediaType.TEXT_HTML)
  public TemplateInstance page(@QueryParam("from") String from, @QueryParam("to") String to) {
    Figures f = figures(from, to);
    return Templates.numbers(
        f.fromText(), f.toText(), f.reps(), f.total(), f.team(), f.pipeline(), f.attainment());
  }

  /** One of the page's tables as CSV: conversion, pipeline or quota. */
  @GET
  @Path("{table}.csv")
  @Produces("text/csv")
  public jakarta.ws.rs.core.Response csv(
      @jakarta.ws.rs.PathParam("table") String table,
      @QueryParam("from") String from,
      @QueryParam("to") String to) {
    Figures f = figures(from, to);
    List<String> header;
    List<List<Object>> lines = new ArrayList<>();
    switch (table) {
      case "conversion" -> {
        header =
            List.of(
                "rep",
                "leads",
                "accepted",
                "accepted_pct",
                "won",
                "lead_to_won_pct",
                "win_rate_pct",
                "mean_first_response_seconds");
        List<Numbers> rows = new ArrayList<>(f.reps());
        if (f.total() != null) {
          rows.add(f.total().withLabel("team"));
        }
        for (Numbers n : rows) {
          lines.add(
              java.util.Arrays.asList(
                  n.label(),
                  n.leads(),
                  n.activated(),
                  n.activatedPerLead(),
                  n.won(),
                  n.wonPerLead(),
                  n.winRate(),
                  n.meanFirstResponse() == null ? null : n.meanFirstResponse().toSeconds()));
        }
      }
      case "pipeline" -> {
        header = List.of("month", "currency", "deals", "value", "weighted");
        for (SalesNumbers.PipelineMonth p : f.pipeline()) {
          lines.add(
              java.util.Arrays.asList(
                  p.month().toString(), p.currency(), p.deals(), p.value(), p.weighted()));
        }
      }
      case "quota" -> {
        header = List.of("month", "rep", "quota", "currency", "won", "attainment_pct");
        for (SalesNumbers.Attainment a : f.attainment()) {
          lines.add(
              java.util.Arrays.asList(
                  a.month().toString(), a.name(), a.quota(), a.currency(), a.won(), a.percent()));
        }
      }
      default -> throw new jakarta.ws.rs.NotFoundException();
    }
    return io.loopcrm.web.CsvDownload.of(
        "numbers-" + table + "-" + f.fromText() + "-" + f.toText() + ".csv", header, lines);
  }

  private Figures figures(String from, String to) {
    LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
    LocalDate end =
        java.util.Objects.requireNonNullElse(io.loopcrm.common.Params.parseDate(to), today);
    LocalDate start =
        java.util.Objects.requireNonNullElse(
            io.loopcrm.common.Params.parseDate(from), end.minusDays(89));
    if (start.isAfter(end)) {
      LocalDate swap = start;
      start = end;
      end = swap;
    }
    Viewer viewer = me.viewer();
    boolean team = viewer.isManager() && viewer.teamId() != null;
    List<Long> owners = new ArrayList<>();
    Map<String, String> names = new HashMap<>();
    if (team) {
      for (Member m : Member.<Member>list("team.id = ?1 order by displayName", viewer.teamId())) {
        owners.add(m.id);
        names.put(m.id.toString(), m.displayName);
      }
    } else {
      Member self = me.get();
      owners.add(self.id);
      names.put(self.id.toString(), self.displayName);
    }
    FunnelFilter filter =
        new FunnelFilter(
            start,
            end,
            FunnelFilter.Model.FIRST,
            null,
            null,
            null,
            null,
            team ? viewer.teamId() : null);
    List<Numbers> reps = new ArrayList<>();
    for (Numbers n : funnel.breakdown(filter, Dimension.OWNER)) {
      // only the viewer's own row, or their team's members: never another rep's figures
      if (n.key() != null && names.containsKey(n.key())) {
        reps.add(n.withLabel(names.get(n.key())));
      }
    }
    reps.sort((a, b) -> a.label().compareTo(b.label()));
    Numbers total = team ? funnel.totalsOf(reps, filter).withCost(null) : null;
    LocalDate month = today.withDayOfMonth(1);
    return new Figures(
        start.toString(),
        end.toString(),
        reps,
        total,
        team,
        numbers.pipeline(owners, month, PIPELINE_MONTHS),
        numbers.attainment(owners, month.minusMonths(5), month));
  }
}
