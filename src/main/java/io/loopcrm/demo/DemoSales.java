package io.loopcrm.demo;

import io.loopcrm.activity.Activity;
import io.loopcrm.campaign.Campaign;
import io.loopcrm.campaign.CampaignVariant;
import io.loopcrm.campaign.Channel;
import io.loopcrm.deal.Deal;
import io.loopcrm.deal.LeadConversion;
import io.loopcrm.deal.LostReason;
import io.loopcrm.deal.PipelineStage;
import io.loopcrm.deal.Quota;
import io.loopcrm.funnel.Touch;
import io.loopcrm.lead.Lead;
import io.loopcrm.lead.LeadStatus;
import io.loopcrm.lead.RejectReason;
import io.loopcrm.people.Member;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Campaigns with A/B variants, and for each rep leads in several statuses, deals in several stages,
 * activities, tasks and a quota, so that every screen has something to show on a first run.
 */
@ApplicationScoped
class DemoSales {
  @Inject LeadConversion conversion;

  private static final String[][] PEOPLE = {
    {"Li", "Wang", "Globex Shanghai", "Head of Operations"},
    {"Anna", "Schmidt", "Acme GmbH", "CTO"},
    {"Omar", "Haddad", "Initech", "Sales Director"},
    {"Mei", "Chen", "北京云帆网络", "运营总监"},
    {"Sofia", "Kim", "Hooli", "VP Marketing"},
    {"Lucas", "Martin", "Umbrella SA", "COO"},
    {"Priya", "Nair", "Stark Industries", "Buyer"},
    {"Hiro", "Tanaka", "Soylent KK", "Product Lead"},
    {"Fatima", "Okafor", "Wayne Enterprises", "Head of Growth"},
    {"Jonas", "Berg", "Vandelay Import", "CEO"},
    {"Zoë", "Dubois", "Cyberdyne", "IT Manager"},
    {"Wei", "Zhang", "杭州数联科技", "市场经理"},
  };

  void load(List<Member> members) {
    Random random = new Random(42);
    Instant now = Instant.now();
    Map<String, Member> byName =
        members.stream().collect(Collectors.toMap(m -> m.username, Function.identity()));
    List<CampaignVariant> variants = campaigns(byName.get("olga"));
    routingAndCosts(variants, byName.get("olga"), byName.get("sam"));
    Map<String, PipelineStage> stages =
        PipelineStage.<PipelineStage>listAll().stream()
            .collect(Collectors.toMap(s -> s.name, Function.identity()));

    int person = 0;
    for (String rep : List.of("sam", "rita", "max")) {
      Member owner = byName.get(rep);
      quota(owner, rep.equals("max") ? 60000 : 40000);
      LeadStatus[] plan = {
        LeadStatus.ASSIGNED, LeadStatus.ASSIGNED, LeadStatus.ASSIGNED, LeadStatus.ACCEPTED,
            LeadStatus.WORKING,
        LeadStatus.QUALIFIED, LeadStatus.REJECTED, LeadStatus.CONVERTED, LeadStatus.CONVERTED,
            LeadStatus.CONVERTED
      };
      for (int i = 0; i < plan.length; i++) {
        String[] p = PEOPLE[person++ % PEOPLE.length];
        CampaignVariant variant = variants.get(random.nextInt(variants.size()));
        Lead lead =
            lead(
                p,
                owner,
                variant,
                now.minus(Duration.ofMinutes(20 + 47L * i + random.nextInt(30))),
                i);
        switch (plan[i]) {
          case ASSIGNED -> {}
          case REJECTED ->
              lead.reject(RejectReason.NOT_A_FIT.code(), 2, now.minus(Duration.ofHours(3)));
          default -> {
            lead.accept(
                3 + random.nextInt(3),
                lead.assignedAt.plus(Duration.ofMinutes(15 + random.nextInt(60))));
            if (plan[i] == LeadStatus.WORKING || plan[i] == LeadStatus.QUALIFIED) {
              lead.moveTo(LeadStatus.WORKING);
            }
            if (plan[i] == LeadStatus.QUALIFIED) {
              lead.moveTo(LeadStatus.QUALIFIED);
            }
          }
        }
        activity(owner, lead, Activity.Kind.CALL, "Intro call", now.minus(Duration.ofHours(2)));
        if (plan[i] == LeadStatus.CONVERTED) {
          BigDecimal amount = BigDecimal.valueOf(5000 + random.nextInt(40) * 500L);
          Deal deal =
              conversion.convert(
                  lead,
                  owner,
                  new LeadConversion.Request(
                      lead.company + " rollout",
                      amount,
                      i % 2 == 0 ? "USD" : "CNY",
                      LocalDate.now().plusDays(7 + i * 5L)),
                  now.minus(Duration.ofDays(2)));
          String target =
              switch (i) {
                case 7 -> "proposal";
                case 8 -> rep.equals("rita") ? "lost" : "won";
                default -> "negotiation";
              };
          deal.moveTo(stages.get("discovery"), owner, now.minus(Duration.ofDays(1)), null, null);
          deal.moveTo(
              stages.get(target),
              owner,
              now.minus(Duration.ofHours(5)),
              LostReason.PRICE.code(),
              target.equals("lost") ? "Initrode" : null);
          Activity task = new Activity();
          task.kind = Activity.Kind.TASK;
          task.subject = "Follow up on the proposal";
          task.owner = owner;
          task.deal = deal;
          task.dueAt = i == 7 ? now.minus(Duration.ofHours(20)) : now.plus(Duration.ofHours(3));
          task.persist();
        }
      }
    }
  }

  private List<CampaignVariant> campaigns(Member ops) {
    Campaign webinar =
        campaign("Spring webinar 2026", Campaign.Objective.ACQUISITION, "events", ops, 12000);
    Campaign search =
        campaign("Search ads Q4", Campaign.Objective.ACQUISITION, "search", ops, 20000);
    Campaign referral =
        campaign("Customer referral programme", Campaign.Objective.REFERRAL, "referral", ops, 5000);
    return List.of(
        variant(
            webinar,
            "A",
            "Close the loop between ops and sales",
            "See one funnel from click to revenue.",
            "Save my seat",
            "wbn-a"),
        variant(
            webinar,
            "B",
            "Stop guessing which campaign sells",
            "Live demo: attribution that sales trusts.",
            "Join the demo",
            "wbn-b"),
        variant(
            search,
            "A",
            "The CRM operations teams pick",
            "A/B tests with a real significance test.",
            "Start free",
            "sea-a"),
        variant(search, "B", "运营和销售，一个闭环", "从点击到回款，一目了然。", "免费试用", "sea-b"),
        variant(
            referral,
            "Personal link",
            "Your colleague recommends Loop CRM",
            "Get a guided setup.",
            "Book a call",
            "ref-1"));
  }

  /** One catch-all routing rule to Team East, and some spend on each campaign. */
  private static void routingAndCosts(List<CampaignVariant> variants, Member ops, Member rep) {
    io.loopcrm.routing.RoutingRule rule = new io.loopcrm.routing.RoutingRule();
    rule.position = 1;
    rule.name = "Everything to Team East";
    rule.team = rep.team;
    rule.persist();
    java.time.LocalDate today = java.time.LocalDate.now();
    int[] spend = {3000, 1800, 4500, 2600, 400};
    for (int i = 0; i < variants.size(); i++) {
      io.loopcrm.campaign.CostEntry e = new io.loopcrm.campaign.CostEntry();
      e.campaign = variants.get(i).campaign;
      e.variant = variants.get(i);
      e.channel = e.campaign.channel;
      e.incurredOn = today.minusDays(10L + i);
      e.amount = BigDecimal.valueOf(spend[i]);
      e.currency = e.campaign.currency;
      e.note = "Demo spend";
      e.createdBy = ops;
      e.persist();
    }
  }

  private static Campaign campaign(
      String name, Campaign.Objective objective, String channel, Member owner, int budget) {
    Campaign c = new Campaign();
    c.name = name;
    c.objective = objective;
    c.channel = Channel.of(channel);
    c.status = Campaign.Status.ACTIVE;
    c.startsOn = LocalDate.now().minusDays(30);
    c.endsOn = LocalDate.now().plusDays(60);
    c.budget = BigDecimal.valueOf(budget);
    c.owner = owner;
    c.persist();
    return c;
  }

  private static CampaignVariant variant(
      Campaign c, String name, String headline, String body, String cta, String code) {
    CampaignVariant v = new CampaignVariant();
    v.campaign = c;
    v.name = name;
    v.headline = headline;
    v.body = body;
    v.callToAction = cta;
    v.landingUrl = "https://loop.example/landing/" + code;
    v.trackingCode = code;
    v.persist();
    return v;
  }

  private static Lead lead(
      String[] p, Member owner, CampaignVariant variant, Instant assignedAt, int i) {
    Lead l = new Lead();
    l.firstName = p[0];
    l.lastName = p[1];
    l.company = p[2];
    l.title = p[3];
    String domain =
        p[2].chars().allMatch(ch -> ch < 128)
            ? p[2].toLowerCase().replaceAll("[^a-z]", "") + ".example"
            : "example.cn";
    l.email = (p[0] + "." + p[1]).toLowerCase().replaceAll("[^a-z.]", "") + i + "@" + domain;
    l.emailNormalized = Lead.normalizeEmail(l.email);
    l.phone = "+86 21 5550 " + (1000 + i * 37);
    l.phoneNormalized = Lead.normalizePhone(l.phone);
    l.region = i % 3 == 0 ? "APAC" : i % 3 == 1 ? "EMEA" : "Americas";
    l.segment = i % 2 == 0 ? "mid-market" : "enterprise";
    l.industry = i % 2 == 0 ? "Software" : "Manufacturing";
    l.source = variant.campaign.channel.code();
    l.campaign = variant.campaign;
    l.variant = variant;
    l.utmSource = variant.campaign.channel == Channel.SEARCH ? "google" : "newsletter";
    l.utmMedium = variant.campaign.channel == Channel.SEARCH ? "cpc" : "email";
    l.utmCampaign = variant.trackingCode;
    Instant firstTouch = assignedAt.minus(Duration.ofDays(3));
    l.firstTouch =
        new Touch(
            variant.campaign.id, variant.id, l.utmSource, l.utmMedium, l.utmCampaign, firstTouch);
    l.lastTouch =
        new Touch(
            variant.campaign.id,
            variant.id,
            l.utmSource,
            l.utmMedium,
            l.utmCampaign,
            assignedAt.minus(Duration.ofMinutes(5)));
    l.status = LeadStatus.ASSIGNED;
    l.owner = owner;
    l.assignedAt = assignedAt;
    l.createdAt = assignedAt.minus(Duration.ofMinutes(5));
    l.score = 20 + (i * 13) % 70;
    l.persist();
    return l;
  }

  private static Activity activity(
      Member owner, Lead lead, Activity.Kind kind, String subject, Instant at) {
    Activity a = new Activity();
    a.kind = kind;
    a.subject = subject;
    a.owner = owner;
    a.lead = lead;
    a.doneAt = at;
    if (at != null) {
      a.createdAt = at;
    }
    a.persist();
    return a;
  }

  private static void quota(Member member, int amount) {
    Quota q = new Quota();
    q.member = member;
    q.month = LocalDate.now().withDayOfMonth(1);
    q.amount = BigDecimal.valueOf(amount);
    q.persist();
  }
}
