-- Clicks are written by a few threads side by side (ClickLog): each batch notes the visitors to
-- rescore in one order, so two batches with the same visitors never wait for each other.
create or replace function note_rescore_after_clicks() returns trigger language plpgsql as $$
begin
    insert into rescore_request (visitor_id)
    select distinct n.visitor_id
    from new_clicks n
    where exists (select 1 from lead l where l.visitor_id = n.visitor_id)
    order by n.visitor_id
    on conflict do nothing;
    return null;
end $$;
