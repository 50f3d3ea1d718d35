-- New leads roll up into the funnel once per statement instead of once per row: each lead's daily
-- rows are computed once (funnel_rows and funnel_time_rows computed them again for each grain),
-- the other grains are derived from them, and the rows of all leads of the insert (an import's
-- batch, a capture's one) are summed per rollup key, so each touched rollup row is upserted once.
-- Deletes keep the row trigger; updates keep theirs (V11). The sums are those of funnel_apply (V6,
-- V7, V10).
create function lead_rollup_insert_batch() returns trigger language plpgsql as $$
begin
    insert into funnel_rollup as r (day, model, campaign_id, variant_id, segment, owner_id, currency, slot,
                                    clicks, leads, activated, deals, won, lost, retained, referrals, revenue,
                                    activate_seconds, win_seconds, responded, response_seconds, grain)
    with d as (select x.* from new_leads l cross join lateral funnel_rows_daily(l, 1) x),
         g as (select d.day, d.model, d.campaign_id, d.variant_id, d.segment, d.owner_id, d.currency, d.slot,
                      d.clicks, d.leads, d.activated, d.deals, d.won, d.lost, d.retained, d.referrals, d.revenue,
                      d.activate_seconds, d.win_seconds, d.responded, d.response_seconds, 'd'::char(1) as grain
                 from d
               union all
               select date_trunc('month', d.day)::date, d.model, d.campaign_id, d.variant_id, d.segment, d.owner_id,
                      d.currency, d.slot, d.clicks, d.leads, d.activated, d.deals, d.won, d.lost, d.retained,
                      d.referrals, d.revenue, d.activate_seconds, d.win_seconds, d.responded, d.response_seconds, 'm'
                 from d)
    select g.day, g.model, g.campaign_id, g.variant_id, g.segment, g.owner_id, g.currency, g.slot,
           sum(g.clicks), sum(g.leads), sum(g.activated), sum(g.deals), sum(g.won), sum(g.lost), sum(g.retained),
           sum(g.referrals), sum(g.revenue), sum(g.activate_seconds), sum(g.win_seconds), sum(g.responded),
           sum(g.response_seconds), g.grain
      from g
     group by g.grain, g.day, g.model, g.campaign_id, g.variant_id, g.segment, g.owner_id, g.currency, g.slot
    on conflict (grain, day, model, campaign_id, variant_id, segment, owner_id, currency, slot) do update set
        leads = r.leads + excluded.leads,
        activated = r.activated + excluded.activated,
        deals = r.deals + excluded.deals,
        won = r.won + excluded.won,
        lost = r.lost + excluded.lost,
        retained = r.retained + excluded.retained,
        referrals = r.referrals + excluded.referrals,
        revenue = r.revenue + excluded.revenue,
        activate_seconds = r.activate_seconds + excluded.activate_seconds,
        win_seconds = r.win_seconds + excluded.win_seconds,
        responded = r.responded + excluded.responded,
        response_seconds = r.response_seconds + excluded.response_seconds;

    insert into feedback_rollup as r (day, model, campaign_id, variant_id, segment, owner_id, kind, code, n, grain)
    with d as (select x.* from new_leads l cross join lateral feedback_rows_daily(l, 1) x),
         g as (select d.day, d.model, d.campaign_id, d.variant_id, d.segment, d.owner_id, d.kind, d.code, d.n,
                      'd'::char(1) as grain
                 from d
               union all
               select date_trunc('month', d.day)::date, d.model, d.campaign_id, d.variant_id, d.segment, d.owner_id,
                      d.kind, d.code, d.n, 'm'
                 from d)
    select g.day, g.model, g.campaign_id, g.variant_id, g.segment, g.owner_id, g.kind, g.code, sum(g.n), g.grain
      from g
     group by g.grain, g.day, g.model, g.campaign_id, g.variant_id, g.segment, g.owner_id, g.kind, g.code
    on conflict (grain, day, model, campaign_id, variant_id, segment, owner_id, kind, code) do update set
        n = r.n + excluded.n;

    insert into funnel_time_rollup as r (day, model, campaign_id, variant_id, segment, owner_id, step, bucket, n,
                                         seconds, grain)
    with d as (select x.* from new_leads l cross join lateral funnel_time_rows_daily(l, 1) x),
         g as (select d.day, d.model, d.campaign_id, d.variant_id, d.segment, d.owner_id, d.step, d.bucket, d.n,
                      d.seconds, 'd'::char(1) as grain from d
               union all
               select date_trunc('month', d.day)::date, d.model, d.campaign_id, d.variant_id, d.segment, d.owner_id,
                      d.step, d.bucket, d.n, d.seconds, 'm' from d
               union all
               select d.day, d.model, d.campaign_id, d.variant_id, null, null, d.step, d.bucket, d.n, d.seconds, 'c'
                 from d where d.step <> 'r'
               union all
               select date_trunc('month', d.day)::date, d.model, d.campaign_id, d.variant_id, null, null, d.step,
                      d.bucket, d.n, d.seconds, 'C' from d where d.step <> 'r'
               union all
               select d.day, 'f', null, null, null, null, d.step, d.bucket, d.n, d.seconds, 'a'
                 from d where d.step <> 'r' and d.model = 'f'
               union all
               select date_trunc('month', d.day)::date, 'f', null, null, null, null, d.step, d.bucket, d.n, d.seconds,
                      'A' from d where d.step <> 'r' and d.model = 'f'
               union all
               select d.day, 'f', null, null, d.segment, d.owner_id, d.step, d.bucket, d.n, d.seconds, 'o'
                 from d where d.model = 'f'
               union all
               select date_trunc('month', d.day)::date, 'f', null, null, d.segment, d.owner_id, d.step, d.bucket, d.n,
                      d.seconds, 'O' from d where d.model = 'f')
    select g.day, g.model, g.campaign_id, g.variant_id, g.segment, g.owner_id, g.step, g.bucket, sum(g.n),
           sum(g.seconds), g.grain
      from g
     group by g.grain, g.day, g.model, g.campaign_id, g.variant_id, g.segment, g.owner_id, g.step, g.bucket
    on conflict (grain, day, model, campaign_id, variant_id, segment, owner_id, step, bucket) do update set
        n = r.n + excluded.n, seconds = r.seconds + excluded.seconds;
    return null;
end
$$;

drop trigger lead_rollup_insert_delete on lead;
create trigger lead_rollup_delete after delete on lead
    for each row execute function lead_rollup();
create trigger lead_rollup_insert after insert on lead referencing new table as new_leads
    for each statement execute function lead_rollup_insert_batch();
