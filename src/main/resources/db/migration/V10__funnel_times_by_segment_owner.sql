-- The per-owner histogram rows (grains o/O, V7) held first responses only. A period filtered by
-- segment or team without a campaign filter read the full-key rows instead (on the 1M-lead bench a
-- year of them took half a second per query). o/O now hold every step per segment and owner (first
-- touch: without a campaign filter every model counts each lead once), so such a page reads them.
-- Same function as V7 except the last two branches.
create or replace function funnel_time_rows(l lead, sign integer)
    returns setof funnel_time_rollup
    language sql stable as $$
    select d.day, d.model, d.campaign_id, d.variant_id, d.segment, d.owner_id, d.step, d.bucket, d.n, d.seconds, 'd'
      from funnel_time_rows_daily(l, sign) d
    union all
    select date_trunc('month', d.day)::date, d.model, d.campaign_id, d.variant_id, d.segment, d.owner_id, d.step, d.bucket, d.n, d.seconds, 'm'
      from funnel_time_rows_daily(l, sign) d
    union all
    select d.day, d.model, d.campaign_id, d.variant_id, null, null, d.step, d.bucket, d.n, d.seconds, 'c'
      from funnel_time_rows_daily(l, sign) d where d.step <> 'r'
    union all
    select date_trunc('month', d.day)::date, d.model, d.campaign_id, d.variant_id, null, null, d.step, d.bucket, d.n, d.seconds, 'C'
      from funnel_time_rows_daily(l, sign) d where d.step <> 'r'
    union all
    select d.day, 'f', null, null, null, null, d.step, d.bucket, d.n, d.seconds, 'a'
      from funnel_time_rows_daily(l, sign) d where d.step <> 'r' and d.model = 'f'
    union all
    select date_trunc('month', d.day)::date, 'f', null, null, null, null, d.step, d.bucket, d.n, d.seconds, 'A'
      from funnel_time_rows_daily(l, sign) d where d.step <> 'r' and d.model = 'f'
    union all
    select d.day, 'f', null, null, d.segment, d.owner_id, d.step, d.bucket, d.n, d.seconds, 'o'
      from funnel_time_rows_daily(l, sign) d where d.model = 'f'
    union all
    select date_trunc('month', d.day)::date, 'f', null, null, d.segment, d.owner_id, d.step, d.bucket, d.n, d.seconds, 'O'
      from funnel_time_rows_daily(l, sign) d where d.model = 'f'
$$;

-- a segment filter reads one segment's rows
create index funnel_time_rollup_o_segment_idx on funnel_time_rollup_o (segment, day);
create index funnel_time_rollup_om_segment_idx on funnel_time_rollup_om (segment, day);

-- the o/O rows again from the raw leads
truncate funnel_time_rollup_o, funnel_time_rollup_om;
insert into funnel_time_rollup
select x.day, x.model, x.campaign_id, x.variant_id, x.segment, x.owner_id, x.step, x.bucket, sum(x.n), sum(x.seconds), x.grain
  from lead l cross join lateral funnel_time_rows(l, 1) x
 where x.grain in ('o', 'O')
 group by 1, 2, 3, 4, 5, 6, 7, 8, x.grain;
analyze funnel_time_rollup;
