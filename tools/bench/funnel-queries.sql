-- The funnel page's heaviest statements (as FunnelReport builds them), timed on whatever data is
-- loaded: the last 365 days (month rows for whole months, day rows at both ends), one campaign,
-- a segment slice, feedback, cohorts and costs.
\timing off
select current_date - 364 as "from", current_date as "to",
       (date_trunc('month', current_date - 364) + interval '1 month')::date as mfrom,
       date_trunc('month', current_date + 1)::date as mto \gset
\set period '((r.grain = ''m'' and r.day >= :''mfrom'' and r.day < :''mto'') or (r.grain = ''d'' and ((r.day >= :''from'' and r.day < :''mfrom'') or (r.day >= :''mto'' and r.day <= :''to''))))'
\timing on
\echo 'totals, all campaigns'
select coalesce(sum(r.clicks), 0), sum(r.leads), sum(r.activated), sum(r.won), sum(r.retained),
       coalesce(sum(r.revenue) filter (where r.currency = 'USD'), 0)
  from funnel_rollup r left join campaign c on c.id = r.campaign_id left join member m on m.id = r.owner_id
 where r.model in ('f', '*') and :period;
\echo 'breakdown by campaign (last touch)'
select r.campaign_id, coalesce(sum(r.clicks), 0), sum(r.leads), sum(r.activated), sum(r.won),
       coalesce(sum(r.revenue) filter (where r.currency = 'USD'), 0)
  from funnel_rollup r left join campaign c on c.id = r.campaign_id left join member m on m.id = r.owner_id
 where r.model in ('l', '*') and :period group by 1 order by 1 limit 5;
\echo 'breakdown by variant of one campaign (linear)'
select r.variant_id, coalesce(sum(r.clicks), 0), sum(r.leads), sum(r.won)
  from funnel_rollup r left join campaign c on c.id = r.campaign_id left join member m on m.id = r.owner_id
 where r.model in ('n', '*') and :period and r.campaign_id = 7000000001 group by 1;
\echo 'by team, segment smb'
select m.team_id, sum(r.leads), sum(r.responded), sum(r.response_seconds), sum(r.won), sum(r.lost)
  from funnel_rollup r left join campaign c on c.id = r.campaign_id left join member m on m.id = r.owner_id
 where r.model in ('f', '*') and :period and r.segment = 'smb' group by 1;
\echo 'sales feedback'
select r.kind, r.code, sum(r.n) from feedback_rollup r
 where r.model = 'f' and :period group by 1, 2 order by 1, 3 desc limit 5;
\echo 'cohorts'
select r.cohort_month, r.month_offset, coalesce(sum(r.customers) filter (where r.currency is null), 0),
       coalesce(sum(r.revenue) filter (where r.currency = 'USD'), 0)
  from cohort_rollup r left join campaign c on c.id = r.campaign_id
 where r.cohort_month >= date_trunc('month', current_date - 364) and r.cohort_month <= current_date
 group by 1, 2 order by 1, 2 limit 5;
\echo 'costs per campaign'
select e.campaign_id, sum(e.amount) from cost_entry e join campaign c on c.id = e.campaign_id
 where e.currency = 'USD' and e.incurred_on >= current_date - 364 group by 1 order by 1 limit 5;
\echo 'rows in the rollups'
select grain, count(*) from funnel_rollup group by 1;
