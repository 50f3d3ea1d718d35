-- New leads move the reps' open-lead counters once per statement instead of once per row: an
-- import's batch of 500 routed leads made 500 updates of a handful of member_load rows (2.3 s of
-- a 100,000-row import on the 1M dataset, pg_stat_statements), now one upsert per rep and
-- statement. Updates and deletes keep the row trigger of V13. The counts are those of V13: a lead
-- counts while it is open, and a rep's last assignment is the latest assigned_at.
create function lead_member_load_insert_batch() returns trigger language plpgsql as $$
begin
    -- reps in id order, as V13's row trigger takes them, so two statements cannot deadlock
    insert into member_load as ml (member_id, open_leads, last_assigned_at)
    select l.owner_id,
           count(*) filter (where l.status in ('new', 'assigned', 'working', 'accepted')),
           max(l.assigned_at)
      from new_leads l
     where l.owner_id is not null
     group by l.owner_id
     order by l.owner_id
    on conflict (member_id) do update
        set open_leads = ml.open_leads + excluded.open_leads,
            last_assigned_at = greatest(ml.last_assigned_at, excluded.last_assigned_at);
    return null;
end;
$$;

drop trigger lead_member_load on lead;
create trigger lead_member_load
    after delete or update of owner_id, status, assigned_at on lead
    for each row execute function lead_member_load();
create trigger lead_member_load_insert after insert on lead referencing new table as new_leads
    for each statement execute function lead_member_load_insert_batch();
