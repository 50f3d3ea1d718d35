package io.loopcrm.sales;

import io.loopcrm.activity.Activity;
import io.loopcrm.deal.Forecast;
import io.loopcrm.deal.Quota;
import io.loopcrm.lead.Lead;
import io.loopcrm.lead.LeadStatus;
import io.loopcrm.people.CurrentMember;
import io.loopcrm.people.Member;
import io.loopcrm.people.Roles;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A rep's home: tasks due, new leads waiting for a first response, and the month in numbers. */
@Path("/sales/today")
@RolesAllowed({Roles.SALES, Roles.SALES_MANAGER})
public class SalesTodayResource {
  @Inject CurrentMember me;
  @Inject Forecast forecast;
  @Inject io.loopcrm.deal.Board board;
  @Inject Clock clock;

  /**
   * Beyond this many waiting leads the badge says "10,000+" ({@code today_waiting_more}, and the
   * template compares with it).
   */
  static final int WAITING_CAP = 10_000;

  /** A lead waiting for its first response, against the team's response target. */
  public record Waiting(Lead lead, Duration waited, boolean late) {}

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance today(
        List<Activity> tasks,
        List<Waiting> waiting,
        long waitingCount,
        Duration target,
        List<Forecast.Line> forecast,
        List<io.loopcrm.deal.Board.Column> stages,
        Quota quota,
        Integer attainment,
        Instant now);
  }

  @GET
  @Produces(MediaType.TEXT_HTML)
  public TemplateInstance today() {
    Member member = me.get();
    Instant now = Instant.now(clock);
    LocalDate today = LocalDate.now(clock);
    Instant endOfToday = today.plusDays(1).atStartOfDay(clock.getZone()).toInstant();
    Instant monthStart = today.withDayOfMonth(1).atStartOfDay(clock.getZone()).toInstant();
    java.time.Duration target = io.loopcrm.funnel.ReportSetting.get().firstResponseTarget();
    List<Waiting> waiting =
        Lead.<Lead>find(
                "owner = ?1 and status in ?2 order by assignedAt, id",
                member,
                List.of(LeadStatus.NEW, LeadStatus.ASSIGNED))
            .page(0, 20)
            .list()
            .stream()
            .map(
                l -> new Waiting(l, l.responseTime(now), l.responseTime(now).compareTo(target) > 0))
            .toList();
    List<Forecast.Line> lines = forecast.of(member, today, monthStart);
    Quota quota = Quota.forMonth(member, today).orElse(null);
    return Templates.today(
        Activity.openTasksDueBefore(member, endOfToday),
        waiting,
        // the whole count, up to one more than the badge shows
        Lead.countWaiting(member, WAITING_CAP + 1),
        target,
        lines,
        board.openTotals(me.viewer()),
        quota,
        attainment(lines, quota),
        now);
  }

  /** Won this month against quota, in percent, when the quota's currency has won deals. */
  static Integer attainment(List<Forecast.Line> lines, Quota quota) {
    if (quota == null || quota.amount.signum() == 0) {
      return null;
    }
    return lines.stream()
        .filter(l -> l.currency().equals(quota.currency))
        .findFirst()
        .map(
            l ->
                l.wonMonth()
                    .multiply(java.math.BigDecimal.valueOf(100))
                    .divide(quota.amount, 0, java.math.RoundingMode.HALF_UP)
                    .intValue())
        .orElse(0);
  }
}
