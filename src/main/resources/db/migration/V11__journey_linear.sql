-- Linear attribution over the whole journey. Until now "linear" gave half the credit to the first
-- and half to the last touch. A lead now carries its journey on its own row: the distinct
-- (campaign, variant) touches in the order they first happened (the visitor's tracked clicks and
-- each form submission, first touch first), written by the capture. Keeping the journey on the
-- lead's row (not in a table of its own) means the trigger reads nothing more than the row, and a
-- changed journey takes the old credits away with the old row and adds the new ones with the new
-- row, as for every other column.
alter table lead add column journey_campaign_ids bigint[],
                 add column journey_variant_ids bigint[];

-- Linear credit: equal shares to the hundredth and the last touch takes the rest, so a lead's
-- credits add up to exactly 1 and money (two decimals) times a share stays exact at four. Leads
-- without a journey (imported, created before this) keep the half first / half last touch credit.
create or replace function funnel_credits(l lead)
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
$$;

-- The lead trigger runs on updates of the columns the funnel reads: now the journey too
-- (the condition of V6 plus the two journey columns).
drop trigger lead_rollup_update on lead;
create trigger lead_rollup_update after update on lead
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
