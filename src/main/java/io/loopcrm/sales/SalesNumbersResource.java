package io.loopcrm.sales;

import io.loopcrm.deal.SalesNumbers;
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
import java.time.format.DateTimeParseException;
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

  @GET
  @Produces(MediaType.TEXT_HTML)
  public TemplateInstance page(@QueryParam("from") String from, @QueryParam("to") String to) {
    LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
    LocalDate end = date(to, today);
    LocalDate start = date(from, end.minusDays(89));
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
    for (Numbers n : funnel.breakdown(filter, FunnelReport.Dimension.OWNER)) {
      // only the viewer's own row, or their team's members: never another rep's figures
      if (n.key() != null && names.containsKey(n.key())) {
        reps.add(n.withLabel(names.get(n.key())));
      }
    }
    reps.sort((a, b) -> a.label().compareTo(b.label()));
    Numbers total = team ? funnel.totalsOf(reps, filter).withCost(null) : null;
    LocalDate month = today.withDayOfMonth(1);
    return Templates.numbers(
        start.toString(),
        end.toString(),
        reps,
        total,
        team,
        numbers.pipeline(owners, month, PIPELINE_MONTHS),
        numbers.attainment(owners, month.minusMonths(5), month));
  }

  private static LocalDate date(String text, LocalDate fallback) {
    if (text == null || text.isBlank()) {
      return fallback;
    }
    try {
      return LocalDate.parse(text.trim());
    } catch (DateTimeParseException bad) {
      return fallback;
    }
  }
}
