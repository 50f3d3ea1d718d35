-- The funnel page's heaviest statements (as FunnelReport builds them), timed on whatever data is
-- loaded: the whole year, one campaign with its variants, and a segment + team slice.
\timing on
\echo 'totals, all campaigns, last 365 days'
select coalesce(sum(r.clicks), 0), sum(r.leads), sum(r.activated), sum(r.won), sum(r.retained),
       coalesce(sum(r.revenue) filter (where r.currency = 'USD'), 0)
  from funnel_rollup r left join campaign c on c.id = r.campaign_id left join member m on m.id = r.owner_id
 where r.model in ('f', '*') and r.day >= current_date - 365 and r.day <= current_date;
\echo 'breakdown by campaign, last 365 days'
select r.campaign_id, coalesce(sum(r.clicks), 0), sum(r.leads), sum(r.activated), sum(r.won),
       coalesce(sum(r.revenue) filter (where r.currency = 'USD'), 0)
  from funnel_rollup r left join campaign c on c.id = r.campaign_id left join member m on m.id = r.owner_id
 where r.model in ('l', '*') and r.day >= current_date - 365 and r.day <= current_date group by 1;
\echo 'breakdown by variant of one campaign, last 90 days'
select r.variant_id, coalesce(sum(r.clicks), 0), sum(r.leads), sum(r.won)
  from funnel_rollup r left join campaign c on c.id = r.campaign_id left join member m on m.id = r.owner_id
 where r.model in ('n', '*') and r.day >= current_date - 90 and r.day <= current_date
   and r.campaign_id = 7000000001 group by 1;
\echo 'segment and team slice by team, last 365 days'
select m.team_id, sum(r.leads), sum(r.responded), sum(r.response_seconds), sum(r.won), sum(r.lost)
  from funnel_rollup r left join campaign c on c.id = r.campaign_id left join member m on m.id = r.owner_id
 where r.model in ('f', '*') and r.day >= current_date - 365 and r.segment = 'smb' group by 1;
\echo 'sales feedback, last 365 days'
select r.kind, r.code, sum(r.n) from feedback_rollup r
 where r.model = 'f' and r.day >= current_date - 365 group by 1, 2;
\echo 'costs per campaign, last 365 days'
select e.campaign_id, sum(e.amount) from cost_entry e join campaign c on c.id = e.campaign_id
 where e.currency = 'USD' and e.incurred_on >= current_date - 365 group by 1;
