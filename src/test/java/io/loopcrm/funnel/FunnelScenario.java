package io.loopcrm.funnel;

import io.loopcrm.people.Member;
import io.loopcrm.testing.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import java.util.List;

/**
 * A scripted month (March 2025, UTC) with known numbers: two campaigns (P: email, Q: social), two
 * variants each, clicks, leads, accepts, rejects, wins, a loss, a repeat win, referrals and costs.
 * Ids live far above what the sequences hand out, so nothing else collides with them.
 *
 * <p>Campaign P: A has 100 clicks and 10 leads (6 accepted, 2 rejected as no_budget, 2 new; 2 won
 * for 1,000 and 2,000 USD, 1 lost on price to "Rival Inc"); B has 100 clicks and 20 leads (10
 * accepted, 4 won for 500 each). The first customer of A buys again on 1 April (retained) and
 * refers 2 new leads. Campaign Q: A has 50 clicks and 5 leads whose last touch was P/A; B has 50
 * clicks. Costs: P/A 100, P campaign-wide 200, Q 150 USD, and P 50 EUR (another currency); P's
 * budget is 1,000 USD.
 */
final class FunnelScenario {
  static final long BASE = 9_000_000_000L;
  static final long P = BASE + 1;
  static final long Q = BASE + 2;
  static final long PA = BASE + 11;
  static final long PB = BASE + 12;
  static final long QA = BASE + 21;
  static final long QB = BASE + 22;
  static final String TEAM = "Funnel East";

  private static boolean loaded;

  private FunnelScenario() {}

  static synchronized void load(EntityManager em) {
    if (loaded) {
      return;
    }
    Member rep = Fixtures.member("fiona", List.of("sales"), TEAM);
    String names = Fixtures.unique("");
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              for (String sql : statements(rep.id, names)) {
                em.createNativeQuery(sql).executeUpdate();
              }
            });
    loaded = true;
  }

  static String campaignName(long id, String names) {
    return (id == P ? "Spring email" : "Spring social") + names;
  }

  private static List<String> statements(long owner, String names) {
    String lead =
        "insert into lead (id, last_name, company, segment, owner_id, source, status, reject_reason,"
            + " quality, created_at, assigned_at, first_response_at, first_touch_campaign_id,"
            + " first_touch_variant_id, first_touch_at, last_touch_campaign_id,"
            + " last_touch_variant_id, last_touch_at)";
    return List.of(
        "insert into campaign (id, name, objective, channel, status, currency, goal_leads,"
            + " goal_activated, goal_revenue, budget) values ("
            + P
            + ", 'Spring email"
            + names
            + "', 'acquisition', 'email', 'active', 'USD', 40,"
            + " 16, 10000, 1000), ("
            + Q
            + ", 'Spring social"
            + names
            + "', 'acquisition', 'social', 'active', 'USD', null,"
            + " null, null, null)",
        "insert into campaign_variant (id, campaign_id, name, tracking_code) values ("
            + PA
            + ", "
            + P
            + ", 'A', 'fpa"
            + names.replace("-", "")
            + "'), ("
            + PB
            + ", "
            + P
            + ", 'B', 'fpb"
            + names.replace("-", "")
            + "'), ("
            + QA
            + ", "
            + Q
            + ", 'A', 'fqa"
            + names.replace("-", "")
            + "'), ("
            + QB
            + ", "
            + Q
            + ", 'B', 'fqb"
            + names.replace("-", "")
            + "')",
        clicks(PA, P, 100),
        clicks(PB, P, 100),
        clicks(QA, Q, 50),
        clicks(QB, Q, 50),
        // P/A: 10 leads; 0-5 accepted (quality 4), 6-7 rejected (no_budget, quality 2), 8-9 new
        lead
            + " select "
            + BASE
            + " + 1000 + i, 'PA' || i, 'Co PA' || i, 'smb', "
            + owner
            + ", 'form',"
            + " case when i < 6 then 'accepted' when i < 8 then 'rejected' else 'assigned' end,"
            + " case when i between 6 and 7 then 'no_budget' end,"
            + " case when i < 6 then 4 when i < 8 then 2 end,"
            + " timestamptz '2025-03-05 10:00Z' + i * interval '1 hour',"
            + " timestamptz '2025-03-05 10:00Z' + i * interval '1 hour',"
            + " case when i < 8 then timestamptz '2025-03-05 12:00Z' + i * interval '1 hour' end,"
            + P
            + ", "
            + PA
            + ", timestamptz '2025-03-05 09:00Z', "
            + P
            + ", "
            + PA
            + ", timestamptz '2025-03-05 09:30Z' from generate_series(0, 9) i",
        // P/B: 20 leads; 0-9 accepted (quality 4)
        lead
            + " select "
            + BASE
            + " + 2000 + i, 'PB' || i, 'Co PB' || i, 'mid-market', "
            + owner
            + ", 'form', case when i < 10 then 'accepted' else 'assigned' end, null,"
            + " case when i < 10 then 4 end,"
            + " timestamptz '2025-03-06 10:00Z' + i * interval '1 hour',"
            + " timestamptz '2025-03-06 10:00Z' + i * interval '1 hour',"
            + " case when i < 10 then timestamptz '2025-03-06 12:00Z' + i * interval '1 hour' end,"
            + P
            + ", "
            + PB
            + ", timestamptz '2025-03-06 09:00Z', "
            + P
            + ", "
            + PB
            + ", timestamptz '2025-03-06 09:30Z' from generate_series(0, 19) i",
        // Q/A: 5 leads, first touch Q/A, last touch P/A, not yet worked (no owner)
        lead
            + " select "
            + BASE
            + " + 3000 + i, 'QA' || i, null, 'smb', null, 'form', 'new', null,"
            + " null, timestamptz '2025-03-07 10:00Z', null, null, "
            + Q
            + ", "
            + QA
            + ", timestamptz '2025-03-01 09:00Z', "
            + P
            + ", "
            + PA
            + ", timestamptz '2025-03-07 09:00Z' from generate_series(0, 4) i",
        "insert into account (id, name) select "
            + BASE
            + " + 100 + i, 'Customer ' || i"
            + " from generate_series(1, 7) i",
        "insert into contact (id, account_id, last_name) select "
            + BASE
            + " + 200 + i, "
            + BASE
            + " + 100 + i, 'Buyer ' || i from generate_series(1, 7) i",
        // deals: P/A leads 0 and 1 won, 2 lost; P/B leads 0-3 won
        deal(1, BASE + 1000, "won", 1000, "2025-03-10", null, null, owner, P, PA),
        deal(2, BASE + 1001, "won", 2000, "2025-03-11", null, null, owner, P, PA),
        deal(3, BASE + 1002, "lost", 800, "2025-03-12", "'price'", "'Rival Inc'", owner, P, PA),
        deal(4, BASE + 2000, "won", 500, "2025-03-15", null, null, owner, P, PB),
        deal(5, BASE + 2001, "won", 500, "2025-03-15", null, null, owner, P, PB),
        deal(6, BASE + 2002, "won", 500, "2025-03-15", null, null, owner, P, PB),
        deal(7, BASE + 2003, "won", 500, "2025-03-15", null, null, owner, P, PB),
        // customer 1 buys again (no lead): retained
        "insert into deal (id, name, account_id, contact_id, owner_id, stage_id, status, amount,"
            + " probability, closed_at) values ("
            + BASE
            + " + 508, 'Repeat', "
            + BASE
            + " + 101, "
            + BASE
            + " + 201, "
            + owner
            + ", 5, 'won', 300, 100, timestamptz '2025-04-01 10:00Z')",
        // customer 1 refers two people
        "insert into lead (id, last_name, source, status, referrer_contact_id, created_at)"
            + " select "
            + BASE
            + " + 4000 + i, 'Referred ' || i, 'referral', 'new', "
            + BASE
            + " + 201, timestamptz '2025-03-20 10:00Z' from generate_series(0, 1) i",
        "insert into cost_entry (id, campaign_id, variant_id, channel, incurred_on, amount, currency)"
            + " values ("
            + BASE
            + " + 1, "
            + P
            + ", "
            + PA
            + ", null, date '2025-03-02', 100, 'USD'),"
            + " ("
            + BASE
            + " + 2, "
            + P
            + ", null, null, date '2025-03-02', 200, 'USD'),"
            + " ("
            + BASE
            + " + 3, "
            + Q
            + ", null, null, date '2025-03-02', 150, 'USD'),"
            + " ("
            + BASE
            + " + 4, "
            + P
            + ", null, null, date '2025-03-02', 50, 'EUR')");
  }

  private static String clicks(long variant, long campaign, int n) {
    return "insert into click (variant_id, campaign_id, visitor_id, clicked_at) select "
        + variant
        + ", "
        + campaign
        + ", gen_random_uuid(), timestamptz '2025-03-03 10:00Z' from"
        + " generate_series(1, "
        + n
        + ")";
  }

  private static String deal(
      int n,
      long lead,
      String status,
      int amount,
      String closed,
      String lostReason,
      String competitor,
      long owner,
      long campaign,
      long variant) {
    return "insert into deal (id, name, account_id, contact_id, lead_id, owner_id, stage_id, status,"
        + " amount, probability, closed_at, lost_reason, competitor, first_touch_campaign_id,"
        + " first_touch_variant_id) values ("
        + (BASE + 500 + n)
        + ", 'Deal "
        + n
        + "', "
        + (BASE + 100 + n)
        + ", "
        + (BASE + 200 + n)
        + ", "
        + lead
        + ", "
        + owner
        + ", "
        + (status.equals("won") ? 5 : 6)
        + ", '"
        + status
        + "', "
        + amount
        + ", "
        + (status.equals("won") ? 100 : 0)
        + ", timestamptz '"
        + closed
        + " 10:00Z', "
        + lostReason
        + ", "
        + competitor
        + ", "
        + campaign
        + ", "
        + variant
        + ")";
  }
}
