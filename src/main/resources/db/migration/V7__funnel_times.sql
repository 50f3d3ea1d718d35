-- Median times between funnel steps. The rollups of V6 keep sums of seconds (means); a median needs
-- the distribution, so each lead's step times also go into a histogram with logarithmic buckets:
-- bucket 0 holds times under a minute, bucket b >= 1 times in [60 * 2^((b-1)/8), 60 * 2^(b/8))
-- seconds, about 9 % wide. The page reads the bucket counts of a slice and interpolates inside the
-- bucket the median falls in around the bucket's mean time (the sum of seconds is kept per bucket),
-- so the median is within about 4.5 % of the exact one, and exact when the bucket's times agree. Keys and grains are those
-- of funnel_rollup, so the same period logic (month rows, day rows added or taken away) applies.
--
-- Steps: a = created -> activated, w = activated -> won, e = won -> retained (the second win),
-- r = assigned (or created) -> first response.

create function funnel_bucket(seconds numeric) returns smallint language sql immutable as $$
    select case when seconds < 60 then 0
                else least(400, floor(8 * log(2::numeric, seconds / 60)) + 1) end::smallint
$$;

create table funnel_time_rollup (
    day         date          not null,
    model       char(1)       not null check (model in ('f', 'l', 'n')),
    campaign_id bigint,
    variant_id  bigint,
    segment     varchar(60),
    owner_id    bigint,
    step        char(1)       not null check (step in ('a', 'w', 'e', 'r')),
    bucket      smallint      not null,
    n           numeric(18, 4) not null default 0,
    seconds     numeric(24, 4) not null default 0,
    -- d/m: day/month rows per campaign, variant, segment and owner (any filter); c/C: the same
    -- summed over segments and owners, for a campaign, variant or channel without a segment or team
    -- filter; a/A: everything summed (first touch: each lead once), for the page without filters;
    -- o/O: first responses per owner alone, for the team table without campaign or segment
    -- filters. Each grain is its own partition, so the rows a period reads lie together.
    grain       char(1)       not null default 'd'
                check (grain in ('d', 'm', 'c', 'C', 'a', 'A', 'o', 'O')),
    unique nulls not distinct (grain, day, model, campaign_id, variant_id, segment, owner_id, step, bucket)
) partition by list (grain);
create table funnel_time_rollup_d partition of funnel_time_rollup for values in ('d');
create table funnel_time_rollup_m partition of funnel_time_rollup for values in ('m');
create table funnel_time_rollup_c partition of funnel_time_rollup for values in ('c');
create table funnel_time_rollup_cm partition of funnel_time_rollup for values in ('C');
create table funnel_time_rollup_a partition of funnel_time_rollup for values in ('a');
create table funnel_time_rollup_am partition of funnel_time_rollup for values in ('A');
create table funnel_time_rollup_o partition of funnel_time_rollup for values in ('o');
create table funnel_time_rollup_om partition of funnel_time_rollup for values in ('O');
create index funnel_time_rollup_day_idx on funnel_time_rollup (grain, model, day);
create index funnel_time_rollup_campaign_idx on funnel_time_rollup (model, campaign_id, grain, day);

create function funnel_time_rows_daily(l lead, sign integer)
    returns setof funnel_time_rollup
    language sql stable as $$
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
$$;

-- Each daily row again at every grain. One SELECT (no CTE), so PostgreSQL inlines it into the
-- trigger's cached plan instead of planning the function on every lead write.
create function funnel_time_rows(l lead, sign integer)
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
    select d.day, 'f', null, null, null, d.owner_id, d.step, d.bucket, d.n, d.seconds, 'o'
      from funnel_time_rows_daily(l, sign) d where d.step = 'r' and d.model = 'f'
    union all
    select date_trunc('month', d.day)::date, 'f', null, null, null, d.owner_id, d.step, d.bucket, d.n, d.seconds, 'O'
      from funnel_time_rows_daily(l, sign) d where d.step = 'r' and d.model = 'f'
$$;

-- V6's funnel_apply and funnel_rebuild keep their bodies under new names; the functions the
-- triggers and tools call add the time histogram to them.
alter function funnel_apply(lead, integer) rename to funnel_apply_counts;
alter function funnel_rebuild() rename to funnel_rebuild_counts;

create function funnel_apply(l lead, sign integer) returns void language plpgsql as $$
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
$$;

create function funnel_rebuild() returns void language plpgsql as $$
begin
    perform funnel_rebuild_counts();
    truncate funnel_time_rollup;
    insert into funnel_time_rollup
    select x.day, x.model, x.campaign_id, x.variant_id, x.segment, x.owner_id, x.step, x.bucket, sum(x.n), sum(x.seconds), x.grain
      from lead l cross join lateral funnel_time_rows(l, 1) x
     group by 1, 2, 3, 4, 5, 6, 7, 8, x.grain;
end
$$;

-- Every rollup again from the raw rows, now with the histogram.
select funnel_rebuild();
