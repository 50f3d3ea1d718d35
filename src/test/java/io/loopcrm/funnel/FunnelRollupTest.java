package io.loopcrm.funnel;

import static org.assertj.core.api.Assertions.assertThat;

import io.loopcrm.testing.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The rollups equal a recomputation from the raw rows after a random sequence of clicks, captures,
 * accepts, rejects, reassignments, wins, losses, reopenings, repeat purchases, referrals, a change
 * of the retention window and deletions: the sequence runs once, each invariant is a test of its
 * own. Everything happens in June 2024 (UTC), which no other test uses, so the comparison is
 * limited to those days.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FunnelRollupTest {
  static final long BASE = 8_000_000_000L;
  static final String JUNE = "day between date '2024-06-01' and date '2024-06-30'";

  @Inject EntityManager em;

  /** The seed of the random sequence, printed so that a failing run can be replayed. */
  long seed;

  @BeforeAll
  void randomEvents() {
    // replay a run with -Dloopcrm.test.rollup-seed=<the seed it printed>
    seed = Long.getLong("loopcrm.test.rollup-seed", System.nanoTime());
    System.out.println(
        "FunnelRollupTest seed " + seed + " (-Dloopcrm.test.rollup-seed=" + seed + ")");
    Random random = new Random(seed);
    long m1 = Fixtures.member("roll1", List.of("sales"), "Rollup A").id;
    long m2 = Fixtures.member("roll2", List.of("sales"), "Rollup B").id;
    String tag = Fixtures.unique("r").replace("-", "");
    run(
        "insert into campaign (id, name, objective, channel, status) values ("
            + BASE
            + " + 1, 'R1 "
            + tag
            + "', 'acquisition', 'email', 'active'), ("
            + BASE
            + " + 2, 'R2 "
            + tag
            + "', 'referral', 'social', 'active')",
        "insert into campaign_variant (id, campaign_id, name, tracking_code) values ("
            + BASE
            + " + 11, "
            + BASE
            + " + 1, 'A', 'ra"
            + tag
            + "'), ("
            + BASE
            + " + 12, "
            + BASE
            + " + 1, 'B', 'rb"
            + tag
            + "'), ("
            + BASE
            + " + 21, "
            + BASE
            + " + 2, 'A', 'rc"
            + tag
            + "')",
        "insert into account (id, name) select "
            + BASE
            + " + 100 + i, 'Acct ' || i"
            + " from generate_series(0, 5) i",
        "insert into contact (id, account_id, last_name) select "
            + BASE
            + " + 200 + i, "
            + BASE
            + " + 100 + i, 'C ' || i from generate_series(0, 5) i");
    long[][] touches = {{1, 11}, {1, 12}, {2, 21}};
    String[] segments = {"'smb'", "'enterprise'", "null"};
    String[] owners = {Long.toString(m1), Long.toString(m2), "null"};
    List<Long> leads = new ArrayList<>();
    List<Long> deals = new ArrayList<>();
    long nextLead = BASE + 1000;
    long nextDeal = BASE + 5000;
    // visitors with clicks and no lead yet; a visitor that became a lead clicks no more here, as
    // clicks are recorded as they happen (never before an existing lead's latest submission)
    List<String> visitors = new ArrayList<>();
    for (int step = 0; step < 1000; step++) {
      int op = random.nextInt(100);
      String day =
          "timestamptz '2024-06-01 00:00Z' + interval '1 minute' * " + random.nextInt(29 * 24 * 60);
      if (op < 15) {
        long[] t = touches[random.nextInt(3)];
        // half the clicks belong to visitors who may later become leads (their journey)
        String visitor = "gen_random_uuid()";
        if (random.nextBoolean()) {
          if (visitors.isEmpty() || random.nextInt(3) == 0) {
            visitors.add(java.util.UUID.randomUUID().toString());
          }
          visitor = "'" + visitors.get(random.nextInt(visitors.size())) + "'";
        }
        // one click in four is kept but not counted (a bot's, or a visitor's repeat)
        String ignored =
            switch (random.nextInt(8)) {
              case 0 -> "'bot'";
              case 1 -> "'repeat'";
              default -> "null";
            };
        run(
            "insert into click (variant_id, campaign_id, visitor_id, clicked_at, ignored) values ("
                + BASE
                + " + "
                + t[1]
                + ", "
                + BASE
                + " + "
                + t[0]
                + ", "
                + visitor
                + ", "
                + day
                + ", "
                + ignored
                + ")");
      } else if (op < 40 || leads.isEmpty()) {
        long[] first = touches[random.nextInt(3)];
        long[] last = random.nextBoolean() ? first : touches[random.nextInt(3)];
        boolean touched = random.nextInt(5) > 0;
        String referrer =
            random.nextInt(6) == 0 ? Long.toString(BASE + 200 + random.nextInt(6)) : "null";
        long id = nextLead++;
        String visitor =
            touched && !visitors.isEmpty() && random.nextBoolean()
                ? "'" + visitors.remove(random.nextInt(visitors.size())) + "'"
                : "null";
        // half the touched leads carry a journey (first touch, maybe others, last touch)
        String journey = "null, null";
        if (touched && random.nextBoolean()) {
          java.util.LinkedHashSet<long[]> steps = new java.util.LinkedHashSet<>();
          steps.add(first);
          steps.add(touches[random.nextInt(3)]);
          steps.add(last);
          java.util.List<String> c = new java.util.ArrayList<>();
          java.util.List<String> v = new java.util.ArrayList<>();
          java.util.Set<Long> seen = new java.util.HashSet<>();
          for (long[] t : steps) {
            if (seen.add(t[1])) {
              c.add(Long.toString(BASE + t[0]));
              v.add(Long.toString(BASE + t[1]));
            }
          }
          journey =
              "array["
                  + String.join(", ", c)
                  + "]::bigint[], array["
                  + String.join(", ", v)
                  + "]::bigint[]";
        }
        run(
            "insert into lead (id, last_name, segment, owner_id, status, created_at, assigned_at,"
                + " first_touch_campaign_id, first_touch_variant_id, last_touch_campaign_id,"
                + " last_touch_variant_id, referrer_contact_id, visitor_id, journey_campaign_ids,"
                + " journey_variant_ids) values ("
                + id
                + ", 'L', "
                + segments[random.nextInt(3)]
                + ", "
                + owners[random.nextInt(3)]
                + ", 'assigned', "
                + day
                + ", "
                + day
                + ", "
                + (touched
                    ? (BASE + first[0])
                        + ", "
                        + (BASE + first[1])
                        + ", "
                        + (BASE + last[0])
                        + ", "
                        + (BASE + last[1])
                    : "null, null, null, null")
                + ", "
                + referrer
                + ", "
                + visitor
                + ", "
                + journey
                + ")");
        leads.add(id);
      } else if (op < 47) {
        run(
            "update lead set status = 'accepted', quality = "
                + (1 + random.nextInt(5))
                + ", first_response_at = created_at + interval '1 hour' * "
                + random.nextInt(48)
                + " where id = "
                + pick(random, leads)
                + " and status in ('new', 'assigned')");
      } else if (op < 52) {
        // an accepted lead worked on: activation stays counted through every later status
        String[][] moves = {
          {"working", "'accepted', 'qualified', 'recycled'"},
          {"qualified", "'accepted', 'working'"},
          {"recycled", "'accepted', 'working', 'qualified'"},
          {"converted", "'accepted', 'working', 'qualified'"}
        };
        String[] move = moves[random.nextInt(moves.length)];
        run(
            "update lead set status = '"
                + move[0]
                + "' where id = "
                + pick(random, leads)
                + " and status in ("
                + move[1]
                + ")");
      } else if (op < 58) {
        run(
            "update lead set status = 'rejected', reject_reason = 'no_budget', quality = 1,"
                + " first_response_at = created_at + interval '30 minutes'"
                + " where id = "
                + pick(random, leads)
                + " and status in ('new', 'assigned')");
      } else if (op < 64) {
        run(
            "update lead set owner_id = "
                + owners[random.nextInt(3)]
                + ", segment = "
                + segments[random.nextInt(3)]
                + " where id = "
                + pick(random, leads));
      } else if (op < 76) {
        long lead = pick(random, leads);
        long id = nextDeal++;
        long account = BASE + 100 + random.nextInt(6);
        boolean won = random.nextInt(3) > 0;
        run(
            "insert into deal (id, name, account_id, contact_id, lead_id, owner_id, stage_id, status,"
                + " amount, currency, probability, closed_at, lost_reason, competitor)"
                + " select "
                + id
                + ", 'D', "
                + account
                + ", "
                + (account + 100)
                + ", l.id, "
                + m1
                + ", "
                + (won ? 5 : 6)
                + ", '"
                + (won ? "won" : "lost")
                + "', "
                + (100 + random.nextInt(900))
                + ", '"
                + (random.nextInt(8) == 0 ? "EUR" : "USD")
                + "', "
                + (won ? 100 : 0)
                + ", timestamptz '2024-06-10 00:00Z' + interval '1 day' * "
                + random.nextInt(200)
                + ", "
                + (won ? "null, null" : "'price', 'Rival'")
                + " from lead l where l.id = "
                + lead
                + " and not exists (select 1 from deal d where d.lead_id = l.id)");
        deals.add(id);
      } else if (op < 78) {
        // a deal logged by hand on a customer: no lead, so it counts only through its account
        // (a second win within the window retains the lead of the account's first won deal)
        long id = nextDeal++;
        long account = BASE + 100 + random.nextInt(6);
        boolean won = random.nextInt(3) > 0;
        run(
            "insert into deal (id, name, account_id, contact_id, lead_id, owner_id, stage_id, status,"
                + " amount, currency, probability, closed_at, lost_reason, competitor) values ("
                + id
                + ", 'Direct', "
                + account
                + ", "
                + (account + 100)
                + ", null, "
                + m1
                + ", "
                + (won ? 5 : 6)
                + ", '"
                + (won ? "won" : "lost")
                + "', "
                + (100 + random.nextInt(900))
                + ", 'USD', "
                + (won ? 100 : 0)
                + ", timestamptz '2024-06-10 00:00Z' + interval '1 day' * "
                + random.nextInt(200)
                + ", "
                + (won ? "null, null" : "'price', 'Rival'")
                + ")");
        deals.add(id);
      } else if (op < 80 && !deals.isEmpty()) {
        run(
            "update deal set status = 'lost', stage_id = 6, probability = 0, lost_reason = 'timing',"
                + " competitor = 'Other' where id = "
                + pick(random, deals));
      } else if (op < 84 && !deals.isEmpty()) {
        run(
            "update deal set status = 'open', stage_id = 2, probability = 25, closed_at = null,"
                + " lost_reason = null where id = "
                + pick(random, deals));
      } else if (op < 88 && !deals.isEmpty()) {
        run(
            "update deal set status = 'won', stage_id = 5, probability = 100, lost_reason = null,"
                + " closed_at = timestamptz '2024-06-15 00:00Z' + interval '1 day' * "
                + random.nextInt(400)
                + ", amount = "
                + (50 + random.nextInt(500))
                + " where id = "
                + pick(random, deals));
      } else if (op < 92 && !deals.isEmpty()) {
        long deal = deals.remove(random.nextInt(deals.size()));
        run("delete from deal where id = " + deal);
      } else if (op < 96) {
        long lead = leads.get(random.nextInt(leads.size()));
        run(
            "delete from lead l where l.id = "
                + lead
                + " and not exists (select 1 from deal d where d.lead_id = l.id)");
      } else if (op < 97) {
        // the journey grows by a touch the lead had not had (first and last touch unchanged)
        run(
            "update lead set journey_campaign_ids = coalesce(journey_campaign_ids,"
                + " array[first_touch_campaign_id]) || ("
                + BASE
                + " + 1),"
                + " journey_variant_ids = coalesce(journey_variant_ids, array[first_touch_variant_id])"
                + " || ("
                + BASE
                + " + 12) where first_touch_campaign_id is not null"
                + " and not ("
                + BASE
                + " + 12) = any(coalesce(journey_variant_ids,"
                + " array[first_touch_variant_id])) and id = "
                + pick(random, leads));
      } else if (op < 98 && random.nextInt(3) == 0) {
        // a lead typed in or imported without a touch reaches us through a campaign's form
        long[] t = touches[random.nextInt(3)];
        String c = BASE + " + " + t[0];
        String v = BASE + " + " + t[1];
        run(
            "update lead set first_touch_campaign_id = %s, first_touch_variant_id = %s,"
                    .formatted(c, v)
                + " first_touch_at = updated_at, last_touch_campaign_id = %s,".formatted(c)
                + " last_touch_variant_id = %s, last_touch_at = updated_at,".formatted(v)
                + " journey_campaign_ids = array[%s], journey_variant_ids = array[%s]"
                    .formatted(c, v)
                + " where first_touch_campaign_id is null and id = "
                + pick(random, leads));
      } else if (op < 98) {
        run(
            "update lead set last_touch_campaign_id = "
                + BASE
                + " + 2, last_touch_variant_id = "
                + BASE
                + " + 21, journey_campaign_ids = case when journey_campaign_ids is not null"
                + " and not "
                + BASE
                + " + 21 = any(journey_variant_ids) then journey_campaign_ids"
                + " || ("
                + BASE
                + " + 2) else journey_campaign_ids end,"
                + " journey_variant_ids = case when journey_variant_ids is not null and not "
                + BASE
                + " + 21 = any(journey_variant_ids) then journey_variant_ids || ("
                + BASE
                + " + 21) else journey_variant_ids end where id = "
                + pick(random, leads));
      } else {
        run(
            "update report_setting set retention_days = " + (30 + random.nextInt(400)),
            "select funnel_refresh_all_retention()");
      }
    }
    run("update report_setting set retention_days = 365", "select funnel_refresh_all_retention()");
  }

  /**
   * The daily rows per campaign, variant, segment and owner equal a recount from leads and deals
   * alone (first touch).
   */
  @Test
  void dailyRowsEqualARecountFromLeadsAndDeals() {
    String rollup =
        "select day, campaign_id, variant_id, segment, owner_id, sum(leads), sum(activated),"
            + " sum(deals), sum(won), sum(lost), sum(retained),"
            + " coalesce(sum(revenue) filter (where currency = 'USD'), 0)"
            + " from funnel_rollup where grain = 'd' and model = 'f' and "
            + JUNE
            + " group by 1, 2, 3, 4, 5"
            + " having sum(leads) <> 0 or sum(deals) <> 0 or sum(retained) <> 0 or sum(revenue) <> 0";
    // recomputed from leads and deals alone, not from the columns the triggers keep on the lead
    String recomputed =
        "with won as (select d.account_id, d.lead_id, d.closed_at,"
            + "   row_number() over (partition by d.account_id order by d.closed_at, d.id) k"
            + "   from deal d where d.status = 'won'),"
            + " retained as (select f.lead_id from won f join won s on s.account_id = f.account_id"
            + "   and f.k = 1 and s.k = 2 and s.closed_at <= f.closed_at + interval '365 days'"
            + "   where f.lead_id is not null)"
            + " select day, campaign_id, variant_id, segment, owner_id, sum(leads), sum(activated),"
            + " sum(deals), sum(won), sum(lost), sum(retained), sum(revenue) from ("
            + " select (l.created_at at time zone 'UTC')::date as day, l.first_touch_campaign_id campaign_id,"
            + "   l.first_touch_variant_id variant_id, l.segment, l.owner_id, 1 leads,"
            // accepted once, whatever came after (leads reach later statuses only through it here)
            + "   (l.status in ('accepted', 'working', 'qualified', 'recycled', 'converted'))::int"
            + "   activated,"
            + "   (d.id is not null)::int deals, (d.status is not distinct from 'won')::int won,"
            + "   (d.status is not distinct from 'lost')::int lost,"
            + "   (l.id in (select lead_id from retained))::int retained,"
            + "   case when d.status = 'won' and d.currency = 'USD' then d.amount else 0 end revenue"
            + " from lead l left join deal d on d.lead_id = l.id) x where "
            + JUNE
            + " group by 1, 2, 3, 4, 5";
    Map<String, String> expected = rows(recomputed);
    // the sequence produced a real spread of slices, not an empty comparison
    assertThat(expected.size()).as("seed " + seed).isGreaterThan(20);
    assertThat(rows(rollup)).as("seed " + seed).isEqualTo(expected);
  }

  /** Clicks and referrals (the model-free rows) equal a recount. */
  @Test
  void clicksAndReferralsEqualARecount() {
    // clicks and referrals (model-free rows)
    assertThat(
            rows(
                "select day, campaign_id, variant_id, sum(clicks), sum(clicks_ignored),"
                    + " sum(referrals) from funnel_rollup"
                    + " where grain = 'd' and model = '*' and "
                    + JUNE
                    + " group by 1, 2, 3"
                    + " having sum(clicks) <> 0 or sum(clicks_ignored) <> 0 or sum(referrals) <> 0"))
        .as("seed " + seed)
        .isEqualTo(
            rows(
                "select day, campaign_id, variant_id, sum(clicks), sum(ignored), sum(referrals)"
                    + " from (select (clicked_at at time zone 'UTC')::date as day, campaign_id,"
                    + " variant_id, (ignored is null)::int clicks, (ignored is not null)::int ignored,"
                    + " 0 referrals from click union all"
                    + " select (created_at at time zone 'UTC')::date, referrer_campaign_id,"
                    + " referrer_variant_id, 0, 0, 1 from lead where referrer_contact_id is not null) x"
                    + " where "
                    + JUNE
                    + " group by 1, 2, 3"));
  }

  /** June's month rows hold exactly the sums of its day rows. */
  @Test
  void monthRowsHoldTheSumsOfTheirDays() {
    assertThat(rowsOf(String.format(MONTH_VS_DAYS, "m"), 6))
        .as("seed " + seed)
        .isEqualTo(rowsOf(String.format(MONTH_VS_DAYS, "d"), 6));
  }

  /** Retention cohorts equal a recount from the won deals. */
  @Test
  void cohortsEqualARecountFromTheWonDeals() {
    // retention cohorts, recomputed from the won deals (this test's deals have no touches and
    // close between June 2024 and mid 2025; no other test has untouched deals in those months)
    String window = " between date '2024-06-01' and date '2025-08-01' and campaign_id is null";
    assertThat(
            rowsOf(
                "select cohort_month, month_offset, sum(customers), coalesce(sum(revenue) filter"
                    + " (where currency = 'USD'), 0) from cohort_rollup where cohort_month"
                    + window
                    + " group by 1, 2 having sum(customers) <> 0 or sum(revenue) <> 0",
                2))
        .as("cohorts, seed " + seed)
        .isEqualTo(
            rowsOf(
                "with won as (select account_id, amount, currency, first_touch_campaign_id as"
                    + " campaign_id, date_trunc('month', closed_at at time zone 'UTC')::date as m,"
                    + " row_number() over (partition by account_id order by closed_at, id) as k"
                    + " from deal where status = 'won' and closed_at is not null),"
                    + " firsts as (select account_id, m, campaign_id from won where k = 1),"
                    + " offs as (select w.account_id, f.m as cohort_month, f.campaign_id,"
                    + " ((extract(year from w.m) * 12 + extract(month from w.m)) - (extract(year"
                    + " from f.m) * 12 + extract(month from f.m)))::int as off, w.amount,"
                    + " w.currency from won w join firsts f using (account_id)),"
                    + " lasts as (select account_id, cohort_month, campaign_id, max(off) as top"
                    + " from offs group by 1, 2, 3)"
                    + " select cohort_month, k, sum(customers), coalesce(sum(revenue) filter (where"
                    + " currency = 'USD'), 0) from (select l.cohort_month, l.campaign_id, k, 1 as"
                    + " customers, 0 as revenue, null as currency from lasts l,"
                    + " generate_series(0, 12) k where k <= l.top union all select cohort_month,"
                    + " campaign_id, off, 0, amount, currency from offs where off <= 12) x where"
                    + " cohort_month"
                    + window
                    + " group by 1, 2 having sum(customers) <> 0 or sum(revenue) <> 0",
                2));
  }

  /** Step-time histograms (medians) equal a recount from the raw times and the won deals. */
  @Test
  void stepTimeMediansEqualARecount() {
    // step-time histograms (medians), recomputed from the raw times and the won deals
    assertThat(
            rowsOf(
                "select day, campaign_id, variant_id, step::text, bucket, sum(n), sum(seconds)"
                    + " from funnel_time_rollup where grain = 'd' and model = 'f' and "
                    + JUNE
                    + " group by 1, 2, 3, 4, 5 having sum(n) <> 0",
                5))
        .as("times, seed " + seed)
        .isEqualTo(
            rowsOf(
                "with won as (select d.account_id, d.lead_id, d.closed_at, row_number() over"
                    + " (partition by d.account_id order by d.closed_at, d.id) k from deal d"
                    + " where d.status = 'won'),"
                    + " again as (select f.lead_id, s.closed_at - f.closed_at as gap from won f"
                    + " join won s on s.account_id = f.account_id and f.k = 1 and s.k = 2 and"
                    + " s.closed_at <= f.closed_at + interval '365 days' where f.lead_id is not"
                    + " null)"
                    + " select day, campaign_id, variant_id, step, bucket, sum(n), sum(round(seconds, 4))"
                    + " from ("
                    + " select (l.created_at at time zone 'UTC')::date as day,"
                    + " l.first_touch_campaign_id campaign_id, l.first_touch_variant_id"
                    + " variant_id, t.step, funnel_bucket(t.seconds) bucket, 1 n, t.seconds"
                    + " from lead l left join deal d on d.lead_id = l.id"
                    + " left join again g on g.lead_id = l.id cross join lateral (values"
                    + " ('a', extract(epoch from l.activated_at - l.created_at)),"
                    + " ('w', case when d.status = 'won' then extract(epoch from d.closed_at -"
                    + " l.activated_at) end),"
                    + " ('e', extract(epoch from g.gap)),"
                    + " ('r', extract(epoch from l.first_response_at - coalesce(l.assigned_at,"
                    + " l.created_at)))) t (step, seconds) where t.seconds is not null) x"
                    + " where "
                    + JUNE
                    + " group by 1, 2, 3, 4, 5",
                5));
    String timesMonthVsDays =
        "select model, campaign_id, variant_id, segment, owner_id, step::text, bucket, sum(n),"
            + " sum(seconds)"
            + " from funnel_time_rollup where grain = '%s' and day between date '2024-06-01'"
            + " and date '2024-06-30' group by 1, 2, 3, 4, 5, 6, 7 having sum(n) <> 0";
    assertThat(rowsOf(String.format(timesMonthVsDays, "m"), 7))
        .as("seed " + seed)
        .isEqualTo(rowsOf(String.format(timesMonthVsDays, "d"), 7));
  }

  /** The coarser histogram rows hold the sums of the full ones. */
  @Test
  void coarserHistogramRowsHoldTheSums() {
    // the coarser histogram rows hold the sums of the full ones: per campaign and variant (c/C)
    // and every step per segment and owner (o/O)
    String perCampaign =
        "select day, model, campaign_id, variant_id, step::text, bucket, sum(n), sum(seconds)"
            + " from funnel_time_rollup where grain = '%s' and step <> 'r' and day between"
            + " date '2024-06-01' and date '2024-06-30' group by 1, 2, 3, 4, 5, 6"
            + " having sum(n) <> 0 or sum(seconds) <> 0";
    String perOwner =
        "select day, segment, owner_id, step::text, bucket, sum(n), sum(seconds)"
            + " from funnel_time_rollup where grain = '%s' and model = 'f' and day between"
            + " date '2024-06-01' and date '2024-06-30' group by 1, 2, 3, 4, 5"
            + " having sum(n) <> 0 or sum(seconds) <> 0";
    String all =
        "select day, step::text, bucket, sum(n), sum(seconds) from funnel_time_rollup"
            + " where grain = '%s' and model = 'f' and step <> 'r' and day between"
            + " date '2024-06-01' and date '2024-06-30' group by 1, 2, 3"
            + " having sum(n) <> 0 or sum(seconds) <> 0";
    for (String[] pair : new String[][] {{"d", "c", "o", "a"}, {"m", "C", "O", "A"}}) {
      assertThat(rowsOf(String.format(all, pair[3]), 3))
          .as("grain " + pair[3] + ", seed " + seed)
          .isNotEmpty()
          .isEqualTo(rowsOf(String.format(all, pair[0]), 3));
      assertThat(rowsOf(String.format(perCampaign, pair[1]), 6))
          .as("grain " + pair[1] + ", seed " + seed)
          .isNotEmpty()
          .isEqualTo(rowsOf(String.format(perCampaign, pair[0]), 6));
      assertThat(rowsOf(String.format(perOwner, pair[2]), 5))
          .as("grain " + pair[2] + ", seed " + seed)
          .isNotEmpty()
          .isEqualTo(rowsOf(String.format(perOwner, pair[0]), 5));
    }
  }

  /** Linear credits per campaign and variant equal shares of each journey. */
  @Test
  void linearCreditsAreEqualSharesOfEachJourney() {
    // linear credit per campaign and variant, recomputed from the leads' journeys (equal shares
    // to the hundredth, the last touch the rest) or, without one, half first / half last touch
    String linearRollup =
        "select day, campaign_id, variant_id, sum(leads) from funnel_rollup where grain = 'd'"
            + " and model = 'n' and "
            + JUNE
            + " group by 1, 2, 3 having sum(leads) <> 0";
    String linearRecomputed =
        "select day, campaign_id, variant_id, sum(w) from ("
            + " select (l.created_at at time zone 'UTC')::date as day, j.c campaign_id,"
            + "  j.v variant_id, case when j.i < j.n then trunc(1.0 / j.n, 2)"
            + "  else 1 - (j.n - 1) * trunc(1.0 / j.n, 2) end w"
            + " from lead l cross join lateral (select u.c, u.v, u.i,"
            + "  cardinality(l.journey_campaign_ids) n from unnest(l.journey_campaign_ids,"
            + "  l.journey_variant_ids) with ordinality u (c, v, i)) j"
            + " union all"
            + " select (l.created_at at time zone 'UTC')::date, t.c, t.v,"
            + "  case when l.last_touch_campaign_id is null or (l.last_touch_campaign_id,"
            + "  l.last_touch_variant_id) is not distinct from (l.first_touch_campaign_id,"
            + "  l.first_touch_variant_id) then 1 else 0.5 end"
            + " from lead l cross join lateral (values (l.first_touch_campaign_id,"
            + "  l.first_touch_variant_id, 1), (l.last_touch_campaign_id, l.last_touch_variant_id,"
            + "  2)) t (c, v, k)"
            + " where coalesce(cardinality(l.journey_campaign_ids), 0) = 0 and (t.k = 1 or"
            + "  (l.last_touch_campaign_id is not null and (l.last_touch_campaign_id,"
            + "  l.last_touch_variant_id) is distinct from (l.first_touch_campaign_id,"
            + "  l.first_touch_variant_id)))"
            + ") x where "
            + JUNE
            + " group by 1, 2, 3 having sum(w) <> 0";
    assertThat(rowsOf(linearRollup, 3))
        .as("linear, seed " + seed)
        .isNotEmpty()
        .isEqualTo(rowsOf(linearRecomputed, 3));
  }

  /** Every model hands out the same totals per day. */
  @Test
  void everyModelHandsOutTheSameTotals() {
    // every model hands out the same totals per day
    for (String model : List.of("l", "n")) {
      assertThat(
              rows(
                  "select day, sum(leads), sum(activated), sum(won), sum(revenue) from funnel_rollup"
                      + " where grain = 'd' and model = '"
                      + model
                      + "' and "
                      + JUNE
                      + " group by 1"
                      + " having sum(leads) <> 0 or sum(won) <> 0"))
          .as("model " + model + ", seed " + seed)
          .isEqualTo(
              rows(
                  "select day, sum(leads), sum(activated), sum(won), sum(revenue) from funnel_rollup"
                      + " where grain = 'd' and model = 'f' and "
                      + JUNE
                      + " group by 1"
                      + " having sum(leads) <> 0 or sum(won) <> 0"));
    }
  }

  /**
   * The codes R__funnel.sql writes into the rollups are exactly those the Java enums read them by
   * ({@link Grain}, {@link Step}, {@link FunnelFilter.Model}): a code changed on one side only
   * would make pages read no rows instead of failing.
   */
  @Test
  void theRollupsUseTheCodesOfTheJavaEnums() {
    Set<String> grains = new TreeSet<>();
    for (Grain g : Grain.values()) {
      grains.add(String.valueOf(g.day));
      grains.add(String.valueOf(g.month));
    }
    Set<String> steps = new TreeSet<>();
    for (Step st : Step.values()) {
      steps.add(String.valueOf(st.code));
    }
    Set<String> models = new TreeSet<>(Set.of(FunnelFilter.Model.EVERY));
    for (FunnelFilter.Model m : FunnelFilter.Model.values()) {
      models.add(m.code);
    }
    Set<String> dayCodes = new TreeSet<>();
    for (Grain g : Grain.values()) {
      dayCodes.add(String.valueOf(g.day));
    }
    assertThat(codes("select distinct grain from funnel_time_rollup"))
        .as("seed " + seed)
        .isSubsetOf(grains)
        .containsAll(dayCodes);
    assertThat(codes("select distinct step from funnel_time_rollup"))
        .as("seed " + seed)
        .isSubsetOf(steps)
        .contains(String.valueOf(Step.ACTIVATION.code), String.valueOf(Step.RESPONSE.code));
    String detail = "'" + Grain.DETAIL.day + "', '" + Grain.DETAIL.month + "'";
    for (String rollup : List.of("funnel_rollup", "feedback_rollup")) {
      assertThat(codes("select distinct grain from " + rollup))
          .as(rollup + ", seed " + seed)
          .isSubsetOf(Set.of(String.valueOf(Grain.DETAIL.day), String.valueOf(Grain.DETAIL.month)));
      assertThat(codes("select distinct model from " + rollup + " where grain in (" + detail + ")"))
          .as(rollup + ", seed " + seed)
          .isSubsetOf(models);
    }
    assertThat(codes("select distinct model from funnel_rollup"))
        .as("seed " + seed)
        .isEqualTo(models);
  }

  @SuppressWarnings("unchecked")
  private Set<String> codes(String sql) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              Set<String> out = new TreeSet<>();
              for (Object code : (List<Object>) em.createNativeQuery(sql).getResultList()) {
                out.add(code.toString().trim());
              }
              return out;
            });
  }

  /** The month rows of June hold exactly the sums of its day rows, per slice and model. */
  static final String MONTH_VS_DAYS =
      "select model, campaign_id, variant_id, segment, owner_id, currency, sum(clicks), sum(leads),"
          + " sum(activated), sum(deals), sum(won), sum(lost), sum(retained), sum(referrals),"
          + " sum(revenue), sum(activate_seconds), sum(win_seconds), sum(responded),"
          + " sum(response_seconds) from funnel_rollup where grain = '%s' and day between"
          + " date '2024-06-01' and date '2024-06-30' group by 1, 2, 3, 4, 5, 6 having"
          + " sum(leads) <> 0 or sum(clicks) <> 0 or sum(deals) <> 0 or sum(referrals) <> 0";

  private static long pick(Random random, List<Long> ids) {
    return ids.get(random.nextInt(ids.size()));
  }

  private void run(String... statements) {
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              for (String sql : statements) {
                if (sql.startsWith("select")) {
                  em.createNativeQuery(sql).getResultList();
                } else {
                  em.createNativeQuery(sql).executeUpdate();
                }
              }
            });
  }

  @SuppressWarnings("unchecked")
  private Map<String, String> rowsOf(String sql, int keys) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              Map<String, String> out = new TreeMap<>();
              for (Object[] row : (List<Object[]>) em.createNativeQuery(sql).getResultList()) {
                StringBuilder key = new StringBuilder();
                StringBuilder value = new StringBuilder();
                for (int i = 0; i < row.length; i++) {
                  (i < keys ? key : value)
                      .append(row[i] == null ? "-" : normal(row[i]))
                      .append('|');
                }
                out.put(key.toString(), value.toString());
              }
              return out;
            });
  }

  @SuppressWarnings("unchecked")
  private Map<String, String> rows(String sql) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              Map<String, String> out = new TreeMap<>();
              for (Object[] row : (List<Object[]>) em.createNativeQuery(sql).getResultList()) {
                StringBuilder key = new StringBuilder();
                StringBuilder value = new StringBuilder();
                for (int i = 0; i < row.length; i++) {
                  boolean isKey =
                      i
                          < (row.length == 12
                              ? 5
                              : row.length == 5 && sql.contains("campaign_id") ? 3 : 1);
                  String cell = row[i] == null ? "-" : normal(row[i]);
                  (isKey ? key : value).append(cell).append('|');
                }
                out.put(key.toString(), value.toString());
              }
              return out;
            });
  }

  private static String normal(Object cell) {
    if (cell instanceof Number n) {
      return new java.math.BigDecimal(n.toString()).stripTrailingZeros().toPlainString();
    }
    return cell.toString();
  }
}
