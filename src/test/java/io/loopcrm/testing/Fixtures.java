package io.loopcrm.testing;

import io.loopcrm.campaign.Campaign;
import io.loopcrm.campaign.CampaignVariant;
import io.loopcrm.funnel.Touch;
import io.loopcrm.lead.Lead;
import io.loopcrm.lead.LeadStatus;
import io.loopcrm.people.Member;
import io.loopcrm.people.Team;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Test data, each piece committed in its own transaction, with unique names so tests never collide.
 */
public final class Fixtures {
  private Fixtures() {}

  public static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** The member a {@code @TestSecurity} user of that name maps to, created on first use. */
  public static Member member(String username, List<String> roles, String teamName) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              Member m =
                  // the row of the @TestSecurity identity (subject = username) first, then the
                  // oldest: a real sign-in of the same username has a row of its own
                  Member.<Member>find(
                          "username = ?1 order by case when subject = ?1 then 0 else 1 end, id",
                          username)
                      .firstResultOptional()
                      .orElseGet(Member::new);
              if (m.id == null) {
                m.subject = username;
                m.username = username;
                m.displayName = Character.toUpperCase(username.charAt(0)) + username.substring(1);
              }
              m.replaceRoles(roles);
              if (teamName != null) {
                m.team =
                    Team.findByName(teamName)
                        .orElseGet(
                            () -> {
                              Team t = new Team();
                              t.name = teamName;
                              t.persist();
                              return t;
                            });
              }
              m.persist();
              // a manager in a fixture manages the team, unless the team already has one
              if (m.team != null && roles.contains("sales-manager") && m.team.manager == null) {
                m.team.manager = m;
              }
              return m;
            });
  }

  public static CampaignVariant campaignWithVariant(String name) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              Campaign c = new Campaign();
              c.name = name;
              c.channel = io.loopcrm.campaign.Channel.SEARCH;
              c.status = Campaign.Status.ACTIVE;
              c.persist();
              CampaignVariant v = new CampaignVariant();
              v.campaign = c;
              v.name = "B";
              v.headline = "Close the loop in a week";
              v.body = "Operations and sales on one page.";
              v.callToAction = "Book a demo";
              v.landingUrl = "https://example.com/demo";
              v.trackingCode = unique("t").replace("-", "");
              v.persist();
              return v;
            });
  }

  /** A new lead owned by {@code owner}, attributed to {@code variant} when given. */
  public static Lead lead(Member owner, String lastName, String company, CampaignVariant variant) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              Lead l = new Lead();
              l.firstName = "Alex";
              l.lastName = lastName;
              l.company = company;
              l.email =
                  lastName.toLowerCase()
                      + "@"
                      + company.toLowerCase().replaceAll("[^a-z0-9]", "")
                      + ".example";
              l.emailNormalized = Lead.normalizeEmail(l.email);
              // a phone of its own, kept as the model keeps it: an edit of one fixture lead never
              // finds another as its duplicate
              l.phone =
                  "+86 10 "
                      + (10_000_000
                          + java.util.concurrent.ThreadLocalRandom.current().nextInt(89_999_999));
              l.phoneNormalized = Lead.normalizePhone(l.phone);
              l.region = "East";
              l.source = "web";
              l.status = LeadStatus.ASSIGNED;
              l.owner = Member.findById(owner.id);
              l.assignedAt = Instant.now().minusSeconds(3600);
              if (variant != null) {
                CampaignVariant v = CampaignVariant.findById(variant.id);
                l.campaign = v.campaign;
                l.variant = v;
                l.utmSource = "google";
                l.utmMedium = "cpc";
                l.utmCampaign = "spring";
                l.firstTouch =
                    new Touch(
                        v.campaign.id,
                        v.id,
                        "google",
                        "cpc",
                        "spring",
                        Instant.now().minusSeconds(7200));
                l.lastTouch =
                    new Touch(
                        v.campaign.id,
                        v.id,
                        "google",
                        "cpc",
                        "spring",
                        Instant.now().minusSeconds(3700));
              }
              l.persist();
              return l;
            });
  }

  public static <T> T reload(Class<T> type, Object id) {
    return QuarkusTransaction.requiringNew()
        .call(() -> io.quarkus.hibernate.orm.panache.Panache.getEntityManager().find(type, id));
  }
}
