-- Tracking clicks are written in batches (capture/ClickLog): one insert of many rows. The funnel's
-- click counts follow once per statement from the inserted rows, grouped, instead of two upserts
-- per row; a single click is a batch of one and counts the same.
create function click_rollup_batch() returns trigger language plpgsql as $$
begin
    insert into funnel_rollup as r (grain, day, model, campaign_id, variant_id, slot, clicks)
    select g.grain, g.day, '*', n.campaign_id, n.variant_id, (n.id % 8)::smallint, count(*)
      from new_clicks n
     cross join lateral (values ('d', (n.clicked_at at time zone 'UTC')::date),
                                ('m', date_trunc('month', n.clicked_at at time zone 'UTC')::date)) g (grain, day)
     group by g.grain, g.day, n.campaign_id, n.variant_id, (n.id % 8)
    on conflict (grain, day, model, campaign_id, variant_id, segment, owner_id, currency, slot)
    do update set clicks = r.clicks + excluded.clicks;
    return null;
end
$$;

drop trigger click_rollup on click;
drop function click_rollup();
create trigger click_rollup after insert on click referencing new table as new_clicks
    for each statement execute function click_rollup_batch();
