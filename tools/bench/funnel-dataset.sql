-- A large funnel dataset for checking the dashboards' speed: by default 1,000,000 leads,
-- 5,000,000 clicks and 100,000 deals (plus repeat deals) over the last 365 days, attributed to 20
-- campaigns with 3 variants each. Run it through tools/bench/funnel-dataset.sh.
--
-- Rows are generated inside the server by set-based INSERT ... SELECT in one transaction (no
-- client round trips; as fast as COPY for generated rows) with the row triggers switched off, then
-- the rollups are rebuilt once from the raw rows with the same functions the triggers use.
-- Ids start at 7,000,000,000, far above what the application's sequences hand out.
\set ON_ERROR_STOP on
\if :{?leads}
\else
  \set leads 1000000
\endif
\if :{?clicks}
\else
  \set clicks 5000000
\endif
\if :{?deals}
\else
  \set deals 100000
\endif
\timing on

begin;
set local session_replication_role = replica;

select coalesce(array_agg(id order by id), array[]::bigint[]) as reps from member where roles like '%sales%' \gset
select cardinality(:'reps'::bigint[]) as nreps \gset

insert into campaign (id, name, objective, channel, status, currency, budget, goal_leads, goal_revenue)
select 7000000000 + c, 'Dataset campaign ' || c,
       (array['acquisition', 'activation', 'retention', 'revenue', 'referral'])[1 + c % 5],
       (array['email', 'search', 'social', 'display', 'events'])[1 + c % 5],
       'active', 'USD', 250000, 50000, 2000000
  from generate_series(1, 20) c
on conflict (id) do nothing;

insert into campaign_variant (id, campaign_id, name, tracking_code)
select 7000000000 + c * 10 + v, 7000000000 + c, chr(64 + v), 'ds' || c || 'v' || v
  from generate_series(1, 20) c, generate_series(1, 3) v
on conflict (id) do nothing;

insert into cost_entry (id, campaign_id, variant_id, channel, incurred_on, amount, currency, note)
select 7000000000 + c * 100 + m, 7000000000 + c, null, null,
       (date_trunc('month', now()) - m * interval '1 month')::date, 8000 + 500 * (c % 7), 'USD', 'Dataset spend'
  from generate_series(1, 20) c, generate_series(0, 11) m
on conflict (id) do nothing;

-- clicks: campaign c, variant v, spread over the year
insert into click (variant_id, campaign_id, visitor_id, clicked_at)
select 7000000000 + c * 10 + v, 7000000000 + c, gen_random_uuid(), now() - r * interval '365 days'
  from (select 1 + (i % 20) c, 1 + ((i / 20) % 3) v, random() r from generate_series(1, :clicks) i) x;

-- leads: 45 % accepted, 10 % rejected, the rest waiting; a third last touched by another campaign
with x as materialized (
    select i, 1 + (i % 20) c, 1 + ((i / 20) % 3) v,
           case when i % 3 = 0 then 1 + ((i + 7) % 20) else 1 + (i % 20) end lc,
           now() - random() * interval '365 days' created, random() r2,
           case when random() < 0.45 then 'accepted' when random() < 0.18 then 'rejected' else 'assigned' end st
      from generate_series(1, :leads) i)
insert into lead (id, last_name, company, segment, owner_id, source, status, reject_reason, quality,
                  created_at, updated_at, assigned_at, first_response_at, activated_at,
                  first_touch_campaign_id, first_touch_variant_id, first_touch_at,
                  last_touch_campaign_id, last_touch_variant_id, last_touch_at)
select 7000001000 + i, 'Dataset ' || i, 'Company ' || (i % 50000),
       (array['smb', 'mid-market', 'enterprise'])[1 + i % 3],
       case when :nreps > 0 then (:'reps'::bigint[])[1 + i % greatest(:nreps, 1)] end,
       'form', st, case when st = 'rejected' then (array['not_a_fit', 'no_budget', 'spam'])[1 + i % 3] end,
       case when st <> 'assigned' then 1 + (i % 5) end,
       created, created, created,
       case when st <> 'assigned' then created + r2 * interval '8 hours' end,
       case when st = 'accepted' then created + r2 * interval '8 hours' end,
       7000000000 + c, 7000000000 + c * 10 + v, created - interval '1 hour',
       7000000000 + lc, 7000000000 + lc * 10 + v, created - interval '5 minutes'
  from x;

-- deals for accepted leads: half won, a third lost, the rest open
insert into account (id, name)
select 7000000000 + i, 'Dataset account ' || i from generate_series(1, :deals) i;

insert into deal (id, name, account_id, lead_id, owner_id, stage_id, status, amount, currency, probability,
                  closed_at, lost_reason, competitor, created_at, updated_at,
                  first_touch_campaign_id, first_touch_variant_id)
select 7000000000 + n, 'Dataset deal ' || n, 7000000000 + n, l.id, coalesce(l.owner_id, (:'reps'::bigint[])[1]),
       case when k < 50 then 5 when k < 85 then 6 else 3 end,
       case when k < 50 then 'won' when k < 85 then 'lost' else 'open' end,
       1000 + (n % 50) * 1000, 'USD', case when k < 50 then 100 when k < 85 then 0 else 50 end,
       case when k < 85 then least(now(), l.activated_at + (n % 60) * interval '1 day') end,
       case when k >= 50 and k < 85 then (array['price', 'competitor', 'timing'])[1 + n % 3] end,
       case when k >= 50 and k < 85 and n % 3 = 1 then (array['Initrode', 'Globex'])[1 + n % 2] end,
       l.activated_at, l.activated_at, l.first_touch_campaign_id, l.first_touch_variant_id
  from (select l.*, row_number() over (order by l.id) n
          from lead l where l.id > 7000001000 and l.status = 'accepted' order by l.id limit :deals) l,
       lateral (select (l.n * 37) % 100 k) kk;

-- one in ten won customers buys again within 200 days
insert into deal (id, name, account_id, owner_id, stage_id, status, amount, currency, probability, closed_at)
select 7100000000 + d.id - 7000000000, 'Repeat ' || d.name, d.account_id, d.owner_id, 5, 'won', d.amount / 2, 'USD', 100,
       least(now(), d.closed_at + ((d.id % 200) + 1) * interval '1 day')
  from deal d where d.id between 7000000001 and 7000000000 + :deals and d.status = 'won' and d.id % 10 = 0;

-- the lead's mirror of its deal and the retention mark, as the triggers would keep them
update lead l set deal_status = d.status, deal_closed_at = d.closed_at, deal_amount = d.amount,
                  deal_currency = d.currency, deal_lost_reason = d.lost_reason, deal_competitor = d.competitor
  from deal d where d.lead_id = l.id and d.id between 7000000001 and 7000000000 + :deals;
update lead l set retained_at = s.closed_at
  from deal f join deal s on s.account_id = f.account_id and s.id = 7100000000 + f.id - 7000000000
 where f.lead_id = l.id and f.id between 7000000001 and 7000000000 + :deals
   and s.closed_at <= f.closed_at + make_interval(days => (select retention_days from report_setting));

-- rebuild every rollup from the raw rows (the function the migration's backfill uses)
select funnel_rebuild();
-- the routing counters, as the lead trigger would keep them (V13)
select member_load_rebuild();
commit;

analyze lead;
analyze deal;
analyze click;
analyze funnel_rollup;
analyze feedback_rollup;
analyze cohort_rollup;
select (select count(*) from lead) as leads, (select count(*) from click) as clicks,
       (select count(*) from deal) as deals, (select count(*) from funnel_rollup) as rollup_rows;
