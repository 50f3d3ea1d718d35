package io.loopcrm.demo;

import io.loopcrm.common.LoopConfig;
import io.loopcrm.people.Member;
import io.loopcrm.people.Roles;
import io.loopcrm.people.Team;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Demo data for a first run ({@code LOOP_DEMO_DATA=true}, set by {@code deploy/run.sh}). It matches
 * the demo users of {@code deploy/keycloak/loop-realm.json} by their fixed subject ids, and is
 * loaded once: a database that already has members is left alone.
 */
@ApplicationScoped
public class DemoData {
  private static final Logger LOG = Logger.getLogger(DemoData.class);

  record DemoUser(String subject, String username, String name, List<String> roles) {}

  static final List<DemoUser> USERS =
      List.of(
          new DemoUser(
              "5a1e5000-0000-4000-8000-000000000001", "sam", "Sam Sales", List.of(Roles.SALES)),
          new DemoUser(
              "5a1e5000-0000-4000-8000-000000000002", "rita", "Rita Rep", List.of(Roles.SALES)),
          new DemoUser(
              "5a1e5000-0000-4000-8000-000000000003",
              "max",
              "Max Manager",
              List.of(Roles.SALES, Roles.SALES_MANAGER)),
          new DemoUser(
              "0b5e0000-0000-4000-8000-000000000004",
              "olga",
              "Olga Ops",
              List.of(Roles.OPERATIONS)),
          new DemoUser(
              "ad000000-0000-4000-8000-000000000005", "ada", "Ada Admin", List.of(Roles.ADMIN)));

  @Inject LoopConfig config;

  @jakarta.inject.Inject DemoSales salesData;
  @jakarta.inject.Inject DemoFunnel funnelHistory;

  void onStart(@Observes StartupEvent event) {
    if (config.demoData()) {
      load();
    }
  }

  @Transactional
  void load() {
    if (Member.count() > 0) {
      LOG.info("demo data: the database already has members, nothing loaded");
      return;
    }
    Team team = new Team();
    team.name = "Team East";
    team.persist();
    for (DemoUser user : USERS) {
      Member member = new Member();
      member.subject = user.subject();
      member.username = user.username();
      member.displayName = user.name();
      member.email = user.username() + "@loop.example";
      member.replaceRoles(user.roles());
      if (user.roles().contains(Roles.SALES)) {
        member.team = team;
      }
      member.persist();
      if (user.roles().contains(Roles.SALES_MANAGER)) {
        team.manager = member;
      }
    }
    salesData.load(Member.list("order by id"));
    // the months of history behind the funnel tell no one; the reps' current leads above do
    io.loopcrm.notify.Notifications.quiet();
    funnelHistory.load();
    audiences();
    LOG.infof("demo data: loaded %d members and team %s", USERS.size(), team.name);
  }

  /** Two audiences operations would keep: a retention target and the leads worth a nudge. */
  private static void audiences() {
    io.loopcrm.campaign.Campaign spring =
        io.loopcrm.campaign.Campaign.find("name", "Spring webinar 2026").firstResult();
    io.loopcrm.lead.Audience lapsed = new io.loopcrm.lead.Audience();
    lapsed.name = "Spring webinar customers, nothing bought in 90 days";
    lapsed.customersOfCampaign = spring;
    lapsed.noPurchaseDays = 90;
    lapsed.persist();
    io.loopcrm.lead.Audience warm = new io.loopcrm.lead.Audience();
    warm.name = "Leads being worked in EMEA";
    warm.region = "EMEA";
    warm.statuses = "assigned,accepted,working";
    warm.persist();
  }
}
