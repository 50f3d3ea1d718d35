package io.loopcrm.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.loopcrm.lead.Lead;
import io.loopcrm.lead.LeadStatus;
import io.loopcrm.lead.RoutingNote;
import io.loopcrm.people.Member;
import io.loopcrm.people.Team;
import io.loopcrm.testing.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Routing: rule order, fairness by open load, capacity, and the queue. */
@QuarkusTest
class RouterTest {
  @Inject Router router;

  @Test
  void rulesAreTriedInOrderAndRepsShareLeadsByOpenLoadWithinCapacity() {
    Setup setup = setup("Team R");
    Member ann = setup.ann();
    Member bob = setup.bob();
    Member cat = setup.cat();
    Member ops = Fixtures.member(Fixtures.unique("ops"), List.of("operations"), setup.teamName());
    String region = setup.region();
    RoutingRule vip = setup.vip();
    RoutingRule team = setup.team();
    try {
      // a partner lead matches the first rule and goes to cat
      assertThat(route(region, "partner").owner().id).isEqualTo(cat.id);

      // four web leads: ann has 0, bob 2 (capacity 3): ann, ann, then both at 2 → the one who got
      // a lead longest ago, then bob is full and ann takes the rest; the ops member gets none
      Map<Long, Integer> got = new HashMap<>();
      List<RoutingNote> notes = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        Router.Decision d = route(region, "web");
        got.merge(d.owner().id, 1, Integer::sum);
        notes.add(d.note());
        assertThat(d.rule().id).isEqualTo(team.id);
      }
      assertThat(got.get(ann.id)).isEqualTo(3);
      assertThat(got.get(bob.id)).isEqualTo(1);
      assertThat(got).doesNotContainKey(ops.id);
      assertThat(notes.get(0).rule()).contains("Region team");
      assertThat(notes.get(0).open()).isZero();

      // every team rep at capacity → next rules, then the queue
      QuarkusTransaction.requiringNew()
          .run(() -> Member.update("leadCapacity = 0 where id in ?1", List.of(ann.id, bob.id)));
      Router.Decision queued = route(region, "web");
      assertThat(queued.queued()).isTrue();

      // no rule for this region at all → the queue, status stays new
      Router.Decision none = route(Fixtures.unique("Nowhere"), "web");
      assertThat(none.queued()).isTrue();
    } finally {
      QuarkusTransaction.requiringNew()
          .run(() -> RoutingRule.update("active = false where id in ?1", List.of(vip.id, team.id)));
    }
  }

  @Test
  void aBatchIsRoutedAsOneByOneRoutingWouldWithOneQueryPerRule() {
    Setup setup = setup("Team B");
    Member ann = setup.ann();
    Member bob = setup.bob();
    Member cat = setup.cat();
    String region = setup.region();
    RoutingRule vip = setup.vip();
    RoutingRule team = setup.team();
    try {
      // the same as the one-by-one test: a partner lead to cat, four web leads ann 3 / bob 1,
      // and a lead of an unknown region to the queue
      List<Lead> batch =
          QuarkusTransaction.requiringNew()
              .call(
                  () -> {
                    List<Lead> leads = new ArrayList<>();
                    for (String[] rs :
                        List.of(
                            new String[] {region, "partner"},
                            new String[] {region, "web"},
                            new String[] {region, "web"},
                            new String[] {region, "web"},
                            new String[] {region, "web"},
                            new String[] {Fixtures.unique("Nowhere"), "web"})) {
                      Lead l = new Lead();
                      l.lastName = Fixtures.unique("B");
                      l.region = rs[0];
                      l.source = rs[1];
                      l.status = LeadStatus.NEW;
                      leads.add(l);
                    }
                    router.routeAll(leads, RoutingRule.listOrdered(), Instant.now());
                    leads.forEach(l -> l.persist());
                    return leads;
                  });
      assertThat(batch.get(0).owner.id).isEqualTo(cat.id);
      Map<Long, Integer> got = new HashMap<>();
      for (Lead l : batch.subList(1, 5)) {
        got.merge(l.owner.id, 1, Integer::sum);
        assertThat(l.routingRuleId).isEqualTo(team.id);
        assertThat(l.status).isEqualTo(LeadStatus.ASSIGNED);
      }
      assertThat(got.get(ann.id)).isEqualTo(3);
      assertThat(got.get(bob.id)).isEqualTo(1);
      assertThat(batch.get(1).routingNote.rule()).contains("Region team");
      assertThat(batch.get(1).routingNote.open()).isZero();
      assertThat(batch.get(5).owner).isNull();
      assertThat(batch.get(5).status).isEqualTo(LeadStatus.NEW);
      // the counters followed the written leads
      long annOpen =
          QuarkusTransaction.requiringNew()
              .call(
                  () ->
                      ((Number)
                              Lead.getEntityManager()
                                  .createNativeQuery(
                                      "select open_leads from member_load where member_id = ?1")
                                  .setParameter(1, ann.id)
                                  .getSingleResult())
                          .longValue());
      assertThat(annOpen).isEqualTo(3);
    } finally {
      QuarkusTransaction.requiringNew()
          .run(() -> RoutingRule.update("active = false where id in ?1", List.of(vip.id, team.id)));
    }
  }

  /** Two reps of a team and one outside it, with their rules. */
  private record Setup(
      String teamName,
      Member ann,
      Member bob,
      Member cat,
      String region,
      RoutingRule vip,
      RoutingRule team) {}

  /**
   * ann and bob in a new team (bob already has two open leads, and room for three), cat outside it;
   * a first rule sends partner leads of the region to cat, a second the region's leads to the team.
   */
  private static Setup setup(String teamLabel) {
    String teamName = Fixtures.unique(teamLabel);
    Member ann = Fixtures.member(Fixtures.unique("ann"), List.of("sales"), teamName);
    Member bob = Fixtures.member(Fixtures.unique("bob"), List.of("sales"), teamName);
    Member cat = Fixtures.member(Fixtures.unique("cat"), List.of("sales"), null);
    String region = Fixtures.unique("Region");
    Fixtures.lead(bob, "Old1", "Acme", null);
    Fixtures.lead(bob, "Old2", "Acme", null);
    QuarkusTransaction.requiringNew().run(() -> Member.<Member>findById(bob.id).leadCapacity = 3);
    RoutingRule vip = rule(1, "VIP source", region, "partner", null, String.valueOf(cat.id));
    RoutingRule team = rule(2, "Region team", region, null, teamId(ann), null);
    return new Setup(teamName, ann, bob, cat, region, vip, team);
  }

  private Router.Decision route(String region, String source) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              Lead l = new Lead();
              l.lastName = Fixtures.unique("L");
              l.region = region;
              l.source = source;
              l.status = LeadStatus.NEW;
              Router.Decision d = router.route(l, Instant.now());
              l.persist();
              if (d.queued()) {
                assertThat(l.owner).isNull();
                assertThat(l.status).isEqualTo(LeadStatus.NEW);
              } else {
                assertThat(l.status).isEqualTo(LeadStatus.ASSIGNED);
              }
              return d;
            });
  }

  private static Long teamId(Member m) {
    return QuarkusTransaction.requiringNew().call(() -> Member.<Member>findById(m.id).team.id);
  }

  private static RoutingRule rule(
      int position, String name, String region, String source, Long teamId, String memberIds) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              RoutingRule r = new RoutingRule();
              r.position = position;
              r.name = name;
              r.region = region;
              r.source = source;
              r.team = teamId == null ? null : Team.findById(teamId);
              r.memberIds = memberIds;
              r.persist();
              return r;
            });
  }
}
