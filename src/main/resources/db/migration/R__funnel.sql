-- The funnel in one place: every function and trigger that keeps the funnel, feedback, step-time
-- and cohort rollups equal to the records they count, in its one current definition.
--
-- The versioned migrations V6, V7, V9, V10, V11, V18 and V21 built these step by step, each
-- "create or replace" hiding the body before it; they stay as they are (Flyway checks what ran),
-- so read their headers as history. In particular V6's header still describes linear credit as
-- "half each to the first and the last touch": since V11 linear credit is shared equally over the
-- lead's whole journey (funnel_credits below), and only a lead without a journey (imported, or
-- captured before V11) keeps half each.
--
-- Flyway applies this file after the versioned migrations, on a new database and whenever the
-- file changes. Change a function or trigger of the funnel here, not in a new V migration (tables,
-- indexes and moves of data still go in V migrations; a V migration that needs a new function
-- first adds it here). FunnelDefinitionTest fails when a later V migration defines one of these.
--
-- Codes the funnel shares with Java: model f (first touch), l (last touch), n (linear); grain d
-- (day), m (month) and, for step times, c/C (by campaign), a/A (all), o/O (by segment and owner),
-- capitals for months; step times a (lead to activation), w (activation to won), e (won to
-- retained), r (assignment to first response).

-- ------------------------------------------------------------------------------------------------
-- Attribution: which touches a lead credits, per model (f first, l last, n linear over the journey).

create or replace function funnel_credits(l lead)
 returns table (model character, campaign_id bigint, variant_id bigint, weight numeric)
 language sql
 immutable
as $function$
    select 'f', l.first_touch_campaign_id, l.first_touch_variant_id, 1::numeric
    union all
    select 'l', coalesce(l.last_touch_campaign_id, l.first_touch_campaign_id),
           case when l.last_touch_campaign_id is null then l.first_touch_variant_id else l.last_touch_variant_id end,
           1::numeric
    union all
    select 'n', t.c, t.v, case when l.last_touch_campaign_id is null
                                 or (l.last_touch_campaign_id is not distinct from l.first_touch_campaign_id
                                     and l.last_touch_variant_id is not distinct from l.first_touch_variant_id)
                               then 1::numeric else 0.5::numeric end
    from (values (l.first_touch_campaign_id, l.first_touch_variant_id, 1),
                 (l.last_touch_campaign_id, l.last_touch_variant_id, 2)) as t (c, v, k)
    where coalesce(cardinality(l.journey_campaign_ids), 0) = 0
      and (t.k = 1 or (l.last_touch_campaign_id is not null
                       and (l.last_touch_campaign_id is distinct from l.first_touch_campaign_id
                            or l.last_touch_variant_id is distinct from l.first_touch_variant_id)))
    union all
    select 'n', j.c, j.v,
           case when j.i < cardinality(l.journey_campaign_ids)
                then floor(100.0 / cardinality(l.journey_campaign_ids)) / 100
                else 1 - (cardinality(l.journey_campaign_ids) - 1) * floor(100.0 / cardinality(l.journey_campaign_ids)) / 100
           end
    from unnest(l.journey_campaign_ids, l.journey_variant_ids) with ordinality as j (c, v, i)
$function$;

-- ------------------------------------------------------------------------------------------------
-- A lead's rows in the rollups: one per day, model, touch and step, with sign +1 for its new row and -1 for its old one.
-- (Clicks, counted and not, are the click trigger's: a lead's rows carry 0 for both.)

create or replace function funnel_rows_daily(l lead, sign integer)
 returns setof funnel_rollup
 language sql
 stable
as $function$
    select (l.created_at at time zone 'UTC')::date, c.model, c.campaign_id, c.variant_id, l.segment, l.owner_id,
           case when l.deal_status = 'won' then l.deal_currency end, 0::smallint,
           0::bigint,
           sign * c.weight,
           sign * c.weight * (l.activated_at is not null)::int,
           sign * c.weight * (l.deal_status is not null)::int,
           sign * c.weight * (l.deal_status is not distinct from 'won')::int,
           sign * c.weight * (l.deal_status is not distinct from 'lost')::int,
           sign * c.weight * (l.retained_at is not null)::int,
           0::numeric,
           sign * c.weight * case when l.deal_status = 'won' then coalesce(l.deal_amount, 0) else 0 end,
           sign * c.weight * coalesce(extract(epoch from l.activated_at - l.created_at), 0),
           sign * c.weight * case when l.deal_status = 'won' and l.activated_at is not null
                                  then extract(epoch from l.deal_closed_at - l.activated_at) else 0 end,
           sign * c.weight * (l.first_response_at is not null)::int,
           sign * c.weight * coalesce(extract(epoch from l.first_response_at - coalesce(l.assigned_at, l.created_at)), 0),
           'd', 0::bigint
    from funnel_credits(l) c
    union all
    select (l.created_at at time zone 'UTC')::date, '*', l.referrer_campaign_id, l.referrer_variant_id, l.segment,
           l.owner_id, null, 0::smallint, 0, 0, 0, 0, 0, 0, 0, sign, 0, 0, 0, 0, 0, 'd', 0::bigint
    where l.referrer_contact_id is not null
$function$;

create or replace function funnel_rows(l lead, sign integer)
 returns setof funnel_rollup
 language sql
 stable
as $function$
    select * from funnel_rows_daily(l, sign)
    union all
    select date_trunc('month', d.day)::date, d.model, d.campaign_id, d.variant_id, d.segment, d.owner_id, d.currency,
           d.slot, d.clicks, d.leads, d.activated, d.deals, d.won, d.lost, d.retained, d.referrals, d.revenue,
           d.activate_seconds, d.win_seconds, d.responded, d.response_seconds, 'm', d.clicks_ignored
      from funnel_rows_daily(l, sign) d
$function$;

create or replace function feedback_rows_daily(l lead, sign integer)
 returns setof feedback_rollup
 language sql
 stable
as $function$
    select (l.created_at at time zone 'UTC')::date, c.model, c.campaign_id, c.variant_id, l.segment, l.owner_id,
           'reject'::varchar, l.reject_reason::varchar, sign * c.weight, 'd'
    from funnel_credits(l) c where l.status = 'rejected' and l.reject_reason is not null
    union all
    select (l.created_at at time zone 'UTC')::date, c.model, c.campaign_id, c.variant_id, l.segment, l.owner_id,
           'quality'::varchar, l.quality::text::varchar, sign * c.weight, 'd'
    from funnel_credits(l) c where l.quality is not null
    union all
    select (l.created_at at time zone 'UTC')::date, c.model, c.campaign_id, c.variant_id, l.segment, l.owner_id,
           'lost'::varchar, l.deal_lost_reason::varchar, sign * c.weight, 'd'
    from funnel_credits(l) c where l.deal_status = 'lost' and l.deal_lost_reason is not null
    union all
    select (l.created_at at time zone 'UTC')::date, c.model, c.campaign_id, c.variant_id, l.segment, l.owner_id,
           'competitor'::varchar, l.deal_competitor::varchar, sign * c.weight, 'd'
    from funnel_credits(l) c where l.deal_status = 'lost' and l.deal_competitor is not null
$function$;

create or replace function feedback_rows(l lead, sign integer)
 returns setof feedback_rollup
 language sql
 stable
as $function$
    select * from feedback_rows_daily(l, sign)
    union all
    select date_trunc('month', d.day)::date, d.model, d.campaign_id, d.variant_id, d.segment, d.owner_id, d.kind,
           d.code, d.n, 'm'
      from feedback_rows_daily(l, sign) d
$function$;

-- ------------------------------------------------------------------------------------------------
-- Step times: the histogram buckets and a lead's rows in funnel_time_rollup.

create or replace function funnel_bucket(seconds numeric)
 returns smallint
 language sql
 immutable
as $function$
    select case when seconds < 60 then 0
                else least(400, floor(8 * log(2::numeric, seconds / 60)) + 1) end::smallint
$function$;

create or replace function funnel_time_rows_daily(l lead, sign integer)
 returns setof funnel_time_rollup
 language sql
 stable
as $function$
    select (l.created_at at time zone 'UTC')::date, c.model, c.campaign_id, c.variant_id, l.segment, l.owner_id,
           'a'::char(1), funnel_bucket(extract(epoch from l.activated_at - l.created_at)), sign * c.weight,
           sign * c.weight * extract(epoch from l.activated_at - l.created_at), 'd'
    from funnel_credits(l) c where l.activated_at is not null
    union all
    select (l.created_at at time zone 'UTC')::date, c.model, c.campaign_id, c.variant_id, l.segment, l.owner_id,
           'w'::char(1), funnel_bucket(extract(epoch from l.deal_closed_at - l.activated_at)), sign * c.weight,
           sign * c.weight * extract(epoch from l.deal_closed_at - l.activated_at), 'd'
    from funnel_credits(l) c
    where l.deal_status = 'won' and l.activated_at is not null and l.deal_closed_at is not null
    union all
    select (l.created_at at time zone 'UTC')::date, c.model, c.campaign_id, c.variant_id, l.segment, l.owner_id,
           'e'::char(1), funnel_bucket(extract(epoch from l.retained_at - l.deal_closed_at)), sign * c.weight,
           sign * c.weight * extract(epoch from l.retained_at - l.deal_closed_at), 'd'
    from funnel_credits(l) c where l.retained_at is not null and l.deal_closed_at is not null
    union all
    select (l.created_at at time zone 'UTC')::date, c.model, c.campaign_id, c.variant_id, l.segment, l.owner_id,
           'r'::char(1), funnel_bucket(extract(epoch from l.first_response_at - coalesce(l.assigned_at, l.created_at))),
           sign * c.weight, sign * c.weight * extract(epoch from l.first_response_at - coalesce(l.assigned_at, l.created_at)),
           'd'
    from funnel_credits(l) c where l.first_response_at is not null
$function$;

create or replace function funnel_time_rows(l lead, sign integer)
 returns setof funnel_time_rollup
 language sql
 stable
as $function$
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
$function$;

-- ------------------------------------------------------------------------------------------------
-- Applying a lead's rows, and rebuilding every rollup from the records (counts first, then step times).

create or replace function funnel_apply_counts(l lead, sign integer)
 returns void
 language plpgsql
as $function$
begin
    insert into funnel_rollup as r
    select * from funnel_rows(l, sign)
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
    insert into feedback_rollup as r
    select * from feedback_rows(l, sign)
    on conflict (grain, day, model, campaign_id, variant_id, segment, owner_id, kind, code) do update set
        n = r.n + excluded.n;
end
$function$;

create or replace function funnel_apply(l lead, sign integer)
 returns void
 language plpgsql
as $function$
begin
    perform funnel_apply_counts(l, sign);
    -- a lead's rows are summed first so one statement never touches a row twice
    insert into funnel_time_rollup as r
    select x.day, x.model, x.campaign_id, x.variant_id, x.segment, x.owner_id, x.step, x.bucket, sum(x.n), sum(x.seconds), x.grain
      from funnel_time_rows(l, sign) x
     group by x.day, x.model, x.campaign_id, x.variant_id, x.segment, x.owner_id, x.step, x.bucket, x.grain
    on conflict (grain, day, model, campaign_id, variant_id, segment, owner_id, step, bucket) do update set
        n = r.n + excluded.n, seconds = r.seconds + excluded.seconds;
end
$function$;

create or replace function funnel_rebuild_counts()
 returns void
 language plpgsql
as $function$
begin
    truncate funnel_rollup, feedback_rollup, cohort_rollup, cohort_contribution;
    insert into funnel_rollup
    select x.day, x.model, x.campaign_id, x.variant_id, x.segment, x.owner_id, x.currency, 0,
           0, sum(x.leads), sum(x.activated), sum(x.deals), sum(x.won), sum(x.lost), sum(x.retained),
           sum(x.referrals), sum(x.revenue), sum(x.activate_seconds), sum(x.win_seconds), sum(x.responded),
           sum(x.response_seconds), x.grain
      from lead l cross join lateral funnel_rows(l, 1) x
     group by 1, 2, 3, 4, 5, 6, 7, x.grain;
    insert into funnel_rollup (grain, day, model, campaign_id, variant_id, slot, clicks, clicks_ignored)
    select 'd', (clicked_at at time zone 'UTC')::date, '*', campaign_id, variant_id, 0,
           count(*) filter (where ignored is null), count(*) filter (where ignored is not null)
      from click group by 2, 4, 5
    union all
    select 'm', date_trunc('month', clicked_at at time zone 'UTC')::date, '*', campaign_id, variant_id, 0,
           count(*) filter (where ignored is null), count(*) filter (where ignored is not null)
      from click group by 2, 4, 5;
    insert into feedback_rollup
    select x.day, x.model, x.campaign_id, x.variant_id, x.segment, x.owner_id, x.kind, x.code, sum(x.n), x.grain
      from lead l cross join lateral feedback_rows(l, 1) x
     group by 1, 2, 3, 4, 5, 6, 7, 8, x.grain;
    -- cohorts in one pass (cohort_refresh_account does the same per account)
    insert into cohort_contribution
    with won as (
        select d.account_id, d.amount, d.currency, d.first_touch_campaign_id as c, d.first_touch_variant_id as v,
               date_trunc('month', d.closed_at at time zone 'UTC')::date as m,
               row_number() over (partition by d.account_id order by d.closed_at, d.id) as k
          from deal d where d.status = 'won' and d.closed_at is not null),
    firstwin as (select account_id, m, c, v from won where k = 1),
    offs as (
        select w.account_id, w.amount, w.currency,
               ((extract(year from w.m) * 12 + extract(month from w.m))
                - (extract(year from f.m) * 12 + extract(month from f.m)))::int as off
          from won w join firstwin f using (account_id)),
    top as (select account_id, max(off) as t from offs group by 1)
    select f.account_id, f.m, f.c, f.v, k.k, null::char(3), 1, 0
      from firstwin f join top using (account_id) cross join lateral generate_series(0, least(12, top.t)) k(k)
    union all
    select f.account_id, f.m, f.c, f.v, o.off, o.currency, 0, sum(coalesce(o.amount, 0))
      from firstwin f join offs o using (account_id) where o.off <= 12
     group by f.account_id, f.m, f.c, f.v, o.off, o.currency;
    insert into cohort_rollup (cohort_month, campaign_id, variant_id, month_offset, currency, customers, revenue)
    select cohort_month, campaign_id, variant_id, month_offset, currency, sum(customers), sum(revenue)
      from cohort_contribution group by 1, 2, 3, 4, 5;
end
$function$;

create or replace function funnel_rebuild()
 returns void
 language plpgsql
as $function$
begin
    perform funnel_rebuild_counts();
    truncate funnel_time_rollup;
    insert into funnel_time_rollup
    select x.day, x.model, x.campaign_id, x.variant_id, x.segment, x.owner_id, x.step, x.bucket, sum(x.n), sum(x.seconds), x.grain
      from lead l cross join lateral funnel_time_rows(l, 1) x
     group by 1, 2, 3, 4, 5, 6, 7, 8, x.grain;
end
$function$;

-- ------------------------------------------------------------------------------------------------
-- Refreshes for what a lead's own row does not show (its deals, its account's retention).

create or replace function funnel_refresh_lead(lead_id bigint)
 returns void
 language sql
as $function$
    -- a lead whose deal is gone or no longer won cannot be retained (the account refresh that
    -- follows marks the lead of the account's first won deal)
    update lead l set deal_status = d.status, deal_closed_at = d.closed_at, deal_amount = d.amount,
                      deal_currency = d.currency, deal_lost_reason = d.lost_reason, deal_competitor = d.competitor,
                      retained_at = case when d.status = 'won' then l.retained_at end
      from (select x.status, x.closed_at, x.amount, x.currency, x.lost_reason, x.competitor
              from (select 1) one left join deal x on x.lead_id = funnel_refresh_lead.lead_id) d
     where l.id = funnel_refresh_lead.lead_id
       and (l.deal_status, l.deal_closed_at, l.deal_amount, l.deal_currency, l.deal_lost_reason, l.deal_competitor,
            l.retained_at)
           is distinct from (d.status, d.closed_at, d.amount, d.currency, d.lost_reason, d.competitor,
                             case when d.status = 'won' then l.retained_at end)
$function$;

create or replace function funnel_refresh_account(account bigint)
 returns void
 language sql
as $function$
    with won as (
        select d.lead_id, d.closed_at, row_number() over (order by d.closed_at, d.id) as k
          from deal d where d.account_id = funnel_refresh_account.account and d.status = 'won'),
    firstwin as (select lead_id, closed_at from won where k = 1),
    secondwin as (select closed_at from won where k = 2),
    verdict as (
        select f.lead_id,
               case when s.closed_at <= f.closed_at + make_interval(days => (select retention_days from report_setting))
                    then s.closed_at end as retained_at
          from firstwin f left join secondwin s on true)
    update lead l set retained_at = case when l.id = v.lead_id then v.retained_at end
      from (select 1) one left join verdict v on true
     where l.id in (select d.lead_id from deal d where d.account_id = funnel_refresh_account.account and d.lead_id is not null)
       and l.retained_at is distinct from (case when l.id = v.lead_id then v.retained_at end)
$function$;

create or replace function cohort_apply(account bigint, sign integer)
 returns void
 language sql
as $function$
    insert into cohort_rollup as r (cohort_month, campaign_id, variant_id, month_offset, currency, customers, revenue)
    select cohort_month, campaign_id, variant_id, month_offset, currency, sign * customers, sign * revenue
      from cohort_contribution where account_id = cohort_apply.account
    on conflict (cohort_month, campaign_id, variant_id, month_offset, currency) do update set
        customers = r.customers + excluded.customers, revenue = r.revenue + excluded.revenue
$function$;

create or replace function cohort_refresh_account(account bigint)
 returns void
 language plpgsql
as $function$
begin
    perform cohort_apply(account, -1);
    delete from cohort_contribution where account_id = account;
    insert into cohort_contribution
    with won as (
        select d.id, d.amount, d.currency, d.first_touch_campaign_id, d.first_touch_variant_id,
               date_trunc('month', d.closed_at at time zone 'UTC')::date as m,
               row_number() over (order by d.closed_at, d.id) as k
          from deal d where d.account_id = account and d.status = 'won' and d.closed_at is not null),
    firstwin as (select m, first_touch_campaign_id as c, first_touch_variant_id as v from won where k = 1),
    offs as (
        select w.amount, w.currency,
               ((extract(year from w.m) * 12 + extract(month from w.m))
                - (extract(year from f.m) * 12 + extract(month from f.m)))::int as off
          from won w, firstwin f)
    select account, f.m, f.c, f.v, k.k, null::char(3), 1, 0
      from firstwin f, generate_series(0, least(12, (select max(off) from offs))) k(k)
    union all
    select account, f.m, f.c, f.v, o.off, o.currency, 0, sum(coalesce(o.amount, 0))
      from firstwin f, offs o where o.off <= 12
     group by f.m, f.c, f.v, o.off, o.currency;
    perform cohort_apply(account, 1);
end
$function$;

create or replace function funnel_refresh_all_retention()
 returns void
 language sql
as $function$
    select count(funnel_refresh_account(a.account_id)) from (select distinct account_id from deal where status = 'won') a
$function$;

-- ------------------------------------------------------------------------------------------------
-- Triggers: leads (row by row for updates and deletes, once per statement for inserts), deals and clicks.

create or replace function lead_before_write()
 returns trigger
 language plpgsql
as $function$
begin
    if new.activated_at is null and new.status in ('accepted', 'qualified', 'converted')
       and (tg_op = 'INSERT' or old.status is distinct from new.status) then
        new.activated_at := case when tg_op = 'INSERT' then coalesce(new.first_response_at, new.created_at)
                                 else greatest(now(), new.created_at) end;
    end if;
    -- a lead without a segment takes its company size's (segment_band, V31; the app does the same
    -- before routing, so that rules see it)
    if new.segment is null and new.company_size is not null then
        select b.segment into new.segment from segment_band b where b.company_size = new.company_size;
    end if;
    if new.referrer_contact_id is not null
       and (tg_op = 'INSERT' or old.referrer_contact_id is distinct from new.referrer_contact_id) then
        select d.first_touch_campaign_id, d.first_touch_variant_id
          into new.referrer_campaign_id, new.referrer_variant_id
          from deal d where d.contact_id = new.referrer_contact_id and d.status = 'won'
         order by d.closed_at, d.id limit 1;
    end if;
    return new;
end
$function$;

create or replace function lead_rollup()
 returns trigger
 language plpgsql
as $function$
begin
    if tg_op in ('UPDATE', 'DELETE') then
        perform funnel_apply(old, -1);
    end if;
    if tg_op in ('UPDATE', 'INSERT') then
        perform funnel_apply(new, 1);
    end if;
    return null;
end
$function$;

create or replace function lead_rollup_insert_batch()
 returns trigger
 language plpgsql
as $function$
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
$function$;

create or replace function deal_rollup()
 returns trigger
 language plpgsql
as $function$
begin
    if (tg_op = 'DELETE' or (tg_op = 'UPDATE' and old.lead_id is distinct from new.lead_id))
       and old.lead_id is not null then
        perform funnel_refresh_lead(old.lead_id);
    end if;
    if tg_op <> 'DELETE' and new.lead_id is not null
       and (tg_op = 'INSERT' or old.lead_id is distinct from new.lead_id
            or (old.status, old.closed_at, old.amount, old.currency, old.lost_reason, old.competitor)
               is distinct from (new.status, new.closed_at, new.amount, new.currency, new.lost_reason, new.competitor)) then
        perform funnel_refresh_lead(new.lead_id);
    end if;
    if tg_op = 'DELETE' or (tg_op = 'UPDATE' and old.account_id is distinct from new.account_id) then
        perform funnel_refresh_account(old.account_id);
        perform cohort_refresh_account(old.account_id);
    end if;
    -- retention and cohorts come from won deals only: a new open or lost deal changes neither
    -- (an import of 20,000 deals spent half its time here)
    if (tg_op = 'INSERT' and new.status = 'won') or (tg_op = 'UPDATE' and (old.account_id is distinct from new.account_id
            or old.status is distinct from new.status or old.closed_at is distinct from new.closed_at
            or old.lead_id is distinct from new.lead_id or old.amount is distinct from new.amount
            or old.currency is distinct from new.currency
            or old.first_touch_campaign_id is distinct from new.first_touch_campaign_id
            or old.first_touch_variant_id is distinct from new.first_touch_variant_id)) then
        perform funnel_refresh_account(new.account_id);
        perform cohort_refresh_account(new.account_id);
    end if;
    return null;
end
$function$;

create or replace function click_rollup_batch()
 returns trigger
 language plpgsql
as $function$
begin
    -- a click a bot made or a visitor repeated within 30 minutes is kept but not counted (V30)
    insert into funnel_rollup as r (grain, day, model, campaign_id, variant_id, slot, clicks, clicks_ignored)
    select g.grain, g.day, '*', n.campaign_id, n.variant_id, (n.id % 8)::smallint,
           count(*) filter (where n.ignored is null), count(*) filter (where n.ignored is not null)
      from new_clicks n
     cross join lateral (values ('d', (n.clicked_at at time zone 'UTC')::date),
                                ('m', date_trunc('month', n.clicked_at at time zone 'UTC')::date)) g (grain, day)
     group by g.grain, g.day, n.campaign_id, n.variant_id, (n.id % 8)
     -- rows in one order: click batches written side by side lock them in the same order, never
     -- each waiting for the other
     order by 1, 2, 4, 5, 6
    on conflict (grain, day, model, campaign_id, variant_id, segment, owner_id, currency, slot)
    do update set clicks = r.clicks + excluded.clicks,
                  clicks_ignored = r.clicks_ignored + excluded.clicks_ignored;
    return null;
end
$function$;

-- ------------------------------------------------------------------------------------------------
-- The triggers themselves. New leads roll up once per statement (an import's batch, a capture's
-- lead); updates and deletes row by row; an update only when a column the funnel reads changed.

create or replace trigger lead_before_write before insert or update on lead
    for each row execute function lead_before_write();
create or replace trigger lead_rollup_insert after insert on lead referencing new table as new_leads
    for each statement execute function lead_rollup_insert_batch();
create or replace trigger lead_rollup_delete after delete on lead
    for each row execute function lead_rollup();
create or replace trigger lead_rollup_update after update on lead
    for each row when (
        old.created_at is distinct from new.created_at
        or old.first_touch_campaign_id is distinct from new.first_touch_campaign_id
        or old.first_touch_variant_id is distinct from new.first_touch_variant_id
        or old.last_touch_campaign_id is distinct from new.last_touch_campaign_id
        or old.last_touch_variant_id is distinct from new.last_touch_variant_id
        or old.journey_campaign_ids is distinct from new.journey_campaign_ids
        or old.journey_variant_ids is distinct from new.journey_variant_ids
        or old.segment is distinct from new.segment
        or old.owner_id is distinct from new.owner_id
        or old.status is distinct from new.status
        or old.reject_reason is distinct from new.reject_reason
        or old.quality is distinct from new.quality
        or old.assigned_at is distinct from new.assigned_at
        or old.first_response_at is distinct from new.first_response_at
        or old.activated_at is distinct from new.activated_at
        or old.deal_status is distinct from new.deal_status
        or old.deal_closed_at is distinct from new.deal_closed_at
        or old.deal_amount is distinct from new.deal_amount
        or old.deal_currency is distinct from new.deal_currency
        or old.deal_lost_reason is distinct from new.deal_lost_reason
        or old.deal_competitor is distinct from new.deal_competitor
        or old.retained_at is distinct from new.retained_at
        or old.referrer_contact_id is distinct from new.referrer_contact_id
        or old.referrer_campaign_id is distinct from new.referrer_campaign_id
        or old.referrer_variant_id is distinct from new.referrer_variant_id)
    execute function lead_rollup();
create or replace trigger deal_rollup after insert or update or delete on deal
    for each row execute function deal_rollup();
create or replace trigger click_rollup after insert on click referencing new table as new_clicks
    for each statement execute function click_rollup_batch();
