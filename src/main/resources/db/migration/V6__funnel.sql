-- The closed loop: rollups of the AARRR funnel, maintained by triggers as events arrive.
--
-- Stages, per lead (see docs/funnel.md):
--   acquisition  the lead exists (created)
--   activation   sales accepted it (activated_at, stamped when its status first becomes accepted)
--   revenue      its converted deal is won (deal_* columns mirror the converted deal)
--   retention    the customer won again: a second won deal of the same account within the
--                retention window after the first (retained_at on the lead of the first won deal)
--   referral     a lead arrived through the referral link of a customer this lead's campaign won
--
-- Every lead contributes rows to funnel_rollup under three attribution models: f (first touch),
-- l (last touch), n (linear: half each to first and last touch when they differ). A lead's credits
-- per model sum to 1, so totals are the same under every model. Clicks and referrals do not
-- depend on the model and are kept once, as model '*'. Days are UTC days.
-- The lead triggers take the old row's contribution away and add the new row's, so updates,
-- reassignments and deletions keep the rollup equal to a recomputation (tested).

create table report_setting (
    id             smallint primary key default 1 check (id = 1),
    retention_days integer not null default 365 check (retention_days between 1 and 3660)
);
insert into report_setting (id) values (1);

-- kept by the database, never written by the application
alter table lead add column activated_at timestamptz;
alter table lead add column deal_status varchar(10);
alter table lead add column deal_closed_at timestamptz;
alter table lead add column deal_amount numeric(14, 2);
alter table lead add column deal_currency char(3);
alter table lead add column deal_lost_reason varchar(40);
alter table lead add column deal_competitor varchar(120);
alter table lead add column retained_at timestamptz;
alter table lead add column referrer_campaign_id bigint references campaign (id);
alter table lead add column referrer_variant_id bigint references campaign_variant (id);
create index lead_referrer_campaign_idx on lead (referrer_campaign_id);
create index lead_referrer_variant_idx on lead (referrer_variant_id);
create index deal_lead_idx on deal (lead_id);
create index deal_account_won_idx on deal (account_id, closed_at) where status = 'won';
create index deal_contact_won_idx on deal (contact_id, closed_at) where status = 'won';

create table funnel_rollup (
    day              date          not null,
    model            char(1)       not null check (model in ('f', 'l', 'n', '*')),
    campaign_id      bigint,
    variant_id       bigint,
    segment          varchar(60),
    owner_id         bigint,
    currency         char(3),
    slot             smallint      not null default 0,
    clicks           bigint        not null default 0,
    leads            numeric(18, 4) not null default 0,
    activated        numeric(18, 4) not null default 0,
    deals            numeric(18, 4) not null default 0,
    won              numeric(18, 4) not null default 0,
    lost             numeric(18, 4) not null default 0,
    retained         numeric(18, 4) not null default 0,
    referrals        numeric(18, 4) not null default 0,
    revenue          numeric(20, 4) not null default 0,
    -- sums of seconds, for mean times between steps; with the counts above
    activate_seconds numeric(24, 4) not null default 0,
    win_seconds      numeric(24, 4) not null default 0,
    responded        numeric(18, 4) not null default 0,
    response_seconds numeric(24, 4) not null default 0,
    -- d: one row per day; m: the same figures per month (day = the 1st), so long periods read few rows
    grain            char(1)       not null default 'd' check (grain in ('d', 'm')),
    unique nulls not distinct (grain, day, model, campaign_id, variant_id, segment, owner_id, currency, slot)
);
create index funnel_rollup_campaign_idx on funnel_rollup (model, campaign_id, grain, day);
create index funnel_rollup_day_idx on funnel_rollup (grain, day);

-- What sales said about leads: reject reasons, quality ratings, lost reasons, competitors.
create table feedback_rollup (
    day         date          not null,
    model       char(1)       not null check (model in ('f', 'l', 'n')),
    campaign_id bigint,
    variant_id  bigint,
    segment     varchar(60),
    owner_id    bigint,
    kind        varchar(12)   not null check (kind in ('reject', 'quality', 'lost', 'competitor')),
    code        varchar(120)  not null,
    n           numeric(18, 4) not null default 0,
    grain       char(1)       not null default 'd' check (grain in ('d', 'm')),
    unique nulls not distinct (grain, day, model, campaign_id, variant_id, segment, owner_id, kind, code)
);
create index feedback_rollup_day_idx on feedback_rollup (grain, day);

-- The touches a lead is credited to, per model, with their weights.
create function funnel_credits(l lead)
    returns table (model char(1), campaign_id bigint, variant_id bigint, weight numeric)
    language sql immutable as $$
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
    where t.k = 1 or (l.last_touch_campaign_id is not null
                      and (l.last_touch_campaign_id is distinct from l.first_touch_campaign_id
                           or l.last_touch_variant_id is distinct from l.first_touch_variant_id))
$$;

-- A lead's rows in funnel_rollup (before summing), multiplied by sign (+1 add, -1 take away).
create function funnel_rows_daily(l lead, sign integer)
    returns setof funnel_rollup
    language sql stable as $$
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
           'd'
    from funnel_credits(l) c
    union all
    select (l.created_at at time zone 'UTC')::date, '*', l.referrer_campaign_id, l.referrer_variant_id, l.segment,
           l.owner_id, null, 0::smallint, 0, 0, 0, 0, 0, 0, 0, sign, 0, 0, 0, 0, 0, 'd'
    where l.referrer_contact_id is not null
$$;

create function feedback_rows_daily(l lead, sign integer)
    returns setof feedback_rollup
    language sql stable as $$
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
$$;

-- Each daily row again at month grain.
create function funnel_rows(l lead, sign integer)
    returns setof funnel_rollup
    language sql stable as $$
    select * from funnel_rows_daily(l, sign)
    union all
    select date_trunc('month', d.day)::date, d.model, d.campaign_id, d.variant_id, d.segment, d.owner_id, d.currency,
           d.slot, d.clicks, d.leads, d.activated, d.deals, d.won, d.lost, d.retained, d.referrals, d.revenue,
           d.activate_seconds, d.win_seconds, d.responded, d.response_seconds, 'm'
      from funnel_rows_daily(l, sign) d
$$;

create function feedback_rows(l lead, sign integer)
    returns setof feedback_rollup
    language sql stable as $$
    select * from feedback_rows_daily(l, sign)
    union all
    select date_trunc('month', d.day)::date, d.model, d.campaign_id, d.variant_id, d.segment, d.owner_id, d.kind,
           d.code, d.n, 'm'
      from feedback_rows_daily(l, sign) d
$$;

create function funnel_apply(l lead, sign integer) returns void language plpgsql as $$
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
$$;

-- Before a lead is written: stamp activation, snapshot the referrer's acquiring campaign.
create function lead_before_write() returns trigger language plpgsql as $$
begin
    if new.activated_at is null and new.status in ('accepted', 'qualified', 'converted')
       and (tg_op = 'INSERT' or old.status is distinct from new.status) then
        new.activated_at := case when tg_op = 'INSERT' then coalesce(new.first_response_at, new.created_at)
                                 else greatest(now(), new.created_at) end;
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
$$;

create function lead_rollup() returns trigger language plpgsql as $$
begin
    if tg_op in ('UPDATE', 'DELETE') then
        perform funnel_apply(old, -1);
    end if;
    if tg_op in ('UPDATE', 'INSERT') then
        perform funnel_apply(new, 1);
    end if;
    return null;
end
$$;

-- The lead's mirror of its converted deal's outcome.
create function funnel_refresh_lead(lead_id bigint) returns void language sql as $$
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
$$;

-- Retention of an account: the lead of its first won deal is retained when a second deal was won
-- within the retention window after the first.
create function funnel_refresh_account(account bigint) returns void language sql as $$
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
$$;

-- Retention cohorts: customers (accounts) by the month of their first won deal and the campaign and
-- variant of that deal's first touch. A customer counts as active at month +k (k = 0 … 12) while it
-- still wins deals: up to the month of its latest won deal. Revenue is what it won in each month
-- (per currency). cohort_contribution keeps each account's rows so a change can take them back.
create table cohort_rollup (
    cohort_month date          not null,
    campaign_id  bigint,
    variant_id   bigint,
    month_offset smallint      not null check (month_offset between 0 and 12),
    currency     char(3),
    customers    integer       not null default 0,
    revenue      numeric(20, 2) not null default 0,
    unique nulls not distinct (cohort_month, campaign_id, variant_id, month_offset, currency)
);
create table cohort_contribution (
    account_id   bigint        not null,
    cohort_month date          not null,
    campaign_id  bigint,
    variant_id   bigint,
    month_offset smallint      not null,
    currency     char(3),
    customers    integer       not null,
    revenue      numeric(20, 2) not null
);
create index cohort_contribution_account_idx on cohort_contribution (account_id);

create function cohort_apply(account bigint, sign integer) returns void language sql as $$
    insert into cohort_rollup as r (cohort_month, campaign_id, variant_id, month_offset, currency, customers, revenue)
    select cohort_month, campaign_id, variant_id, month_offset, currency, sign * customers, sign * revenue
      from cohort_contribution where account_id = cohort_apply.account
    on conflict (cohort_month, campaign_id, variant_id, month_offset, currency) do update set
        customers = r.customers + excluded.customers, revenue = r.revenue + excluded.revenue
$$;

create function cohort_refresh_account(account bigint) returns void language plpgsql as $$
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
$$;

create function deal_rollup() returns trigger language plpgsql as $$
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
    if tg_op = 'INSERT' or (tg_op = 'UPDATE' and (old.account_id is distinct from new.account_id
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
$$;

-- Clicks: one row per variant, day and one of eight slots, so bursts on one variant do not queue
-- on a single counter row.
create function click_rollup() returns trigger language plpgsql as $$
begin
    insert into funnel_rollup as r (grain, day, model, campaign_id, variant_id, slot, clicks)
    values ('d', (new.clicked_at at time zone 'UTC')::date, '*', new.campaign_id, new.variant_id, (new.id % 8)::smallint, 1),
           ('m', date_trunc('month', new.clicked_at at time zone 'UTC')::date, '*', new.campaign_id, new.variant_id,
            (new.id % 8)::smallint, 1)
    on conflict (grain, day, model, campaign_id, variant_id, segment, owner_id, currency, slot)
    do update set clicks = r.clicks + 1;
    return null;
end
$$;

-- A change of the retention window re-derives every account's retention (the triggers follow).
create function funnel_refresh_all_retention() returns void language sql as $$
    select count(funnel_refresh_account(a.account_id)) from (select distinct account_id from deal where status = 'won') a
$$;

-- Rebuilds every rollup from the raw rows in a few set-based statements (the migration's backfill
-- and tools/bench/funnel-dataset.sql); the triggers then keep them current row by row.
create function funnel_rebuild() returns void language plpgsql as $$
begin
    truncate funnel_rollup, feedback_rollup, cohort_rollup, cohort_contribution;
    insert into funnel_rollup
    select x.day, x.model, x.campaign_id, x.variant_id, x.segment, x.owner_id, x.currency, 0,
           0, sum(x.leads), sum(x.activated), sum(x.deals), sum(x.won), sum(x.lost), sum(x.retained),
           sum(x.referrals), sum(x.revenue), sum(x.activate_seconds), sum(x.win_seconds), sum(x.responded),
           sum(x.response_seconds), x.grain
      from lead l cross join lateral funnel_rows(l, 1) x
     group by 1, 2, 3, 4, 5, 6, 7, x.grain;
    insert into funnel_rollup (grain, day, model, campaign_id, variant_id, slot, clicks)
    select 'd', (clicked_at at time zone 'UTC')::date, '*', campaign_id, variant_id, 0, count(*)
      from click group by 2, 4, 5
    union all
    select 'm', date_trunc('month', clicked_at at time zone 'UTC')::date, '*', campaign_id, variant_id, 0, count(*)
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
$$;

-- Rows already there when this migration runs (demo and real data) enter the rollup once.
update lead l set deal_status = d.status, deal_closed_at = d.closed_at, deal_amount = d.amount,
                  deal_currency = d.currency, deal_lost_reason = d.lost_reason, deal_competitor = d.competitor
  from deal d where d.lead_id = l.id;
update lead set activated_at = coalesce(first_response_at, created_at)
 where status in ('accepted', 'qualified', 'converted') and activated_at is null;
select funnel_refresh_all_retention();
update lead l set (referrer_campaign_id, referrer_variant_id) = (
    select d.first_touch_campaign_id, d.first_touch_variant_id from deal d
     where d.contact_id = l.referrer_contact_id and d.status = 'won' order by d.closed_at, d.id limit 1)
 where l.referrer_contact_id is not null;
select funnel_rebuild();

-- From here on the triggers keep the rollups current.
create trigger lead_before_write before insert or update on lead
    for each row execute function lead_before_write();
create trigger lead_rollup_insert_delete after insert or delete on lead
    for each row execute function lead_rollup();
-- only when something the funnel reads changed (scores and names change often and do not count)
create trigger lead_rollup_update after update on lead
    for each row when (
        old.created_at is distinct from new.created_at
        or old.first_touch_campaign_id is distinct from new.first_touch_campaign_id
        or old.first_touch_variant_id is distinct from new.first_touch_variant_id
        or old.last_touch_campaign_id is distinct from new.last_touch_campaign_id
        or old.last_touch_variant_id is distinct from new.last_touch_variant_id
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
create trigger deal_rollup after insert or update or delete on deal
    for each row execute function deal_rollup();
create trigger click_rollup after insert on click
    for each row execute function click_rollup();
