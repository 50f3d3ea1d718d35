-- Routing locks the picked rep's counter row (select ... for update skip locked) instead of taking
-- a lock on the whole rule until commit, so captures at the same time go to different reps instead
-- of queueing. A row can only be locked if it exists: every member has one from now on.
insert into member_load (member_id) select id from member on conflict (member_id) do nothing;

create function member_load_row() returns trigger language plpgsql as $$
begin
    insert into member_load (member_id) values (new.id) on conflict (member_id) do nothing;
    return null;
end
$$;
create trigger member_load_row after insert on member
    for each row execute function member_load_row();

create or replace function member_load_rebuild() returns void language sql as $$
    delete from member_load;
    insert into member_load (member_id, open_leads, last_assigned_at)
    select m.id,
           count(l.id) filter (where l.status in ('new', 'assigned', 'working', 'accepted')),
           max(l.assigned_at)
    from member m left join lead l on l.owner_id = m.id
    group by m.id;
$$;
