-- Routing in O(1) per lead: each member's open-lead count (new, assigned, working, accepted) and
-- latest assignment, kept by a trigger in the same transaction as the lead change, so the router
-- reads one row per rep instead of counting every open lead (about 77,000 per rep at 1M leads).
create table member_load (
    member_id        bigint primary key references member (id) on delete cascade,
    open_leads       int not null default 0 check (open_leads >= 0),
    last_assigned_at timestamptz
);

-- Recounts every member's load from the leads (here once, and after bulk loads that bypass the
-- row triggers, such as tools/bench/funnel-dataset.sql).
create function member_load_rebuild() returns void language sql as $$
    delete from member_load;
    insert into member_load (member_id, open_leads, last_assigned_at)
    select l.owner_id,
           count(*) filter (where l.status in ('new', 'assigned', 'working', 'accepted')),
           max(l.assigned_at)
    from lead l
    where l.owner_id is not null
    group by l.owner_id;
$$;
select member_load_rebuild();

create function lead_member_load() returns trigger language plpgsql as $$
declare
    old_owner bigint;
    new_owner bigint;
    old_open  boolean := false;
    new_open  boolean := false;
    new_at    timestamptz;
    delta     int;
begin
    if tg_op <> 'INSERT' then
        old_owner := old.owner_id;
        old_open := old.status in ('new', 'assigned', 'working', 'accepted');
    end if;
    if tg_op <> 'DELETE' then
        new_owner := new.owner_id;
        new_open := new.status in ('new', 'assigned', 'working', 'accepted');
        new_at := new.assigned_at;
    end if;
    if old_owner is not distinct from new_owner and old_open = new_open
       and (tg_op <> 'UPDATE' or new.assigned_at is not distinct from old.assigned_at) then
        return null;
    end if;
    -- both rows in id order, so two leads moving between the same reps cannot deadlock
    if old_owner is not null and (new_owner is null or old_owner < new_owner) then
        if old_open then
            update member_load set open_leads = open_leads - 1 where member_id = old_owner;
        end if;
        old_owner := null;
    end if;
    if new_owner is not null then
        delta := case when new_open then 1 else 0 end
                 - case when old_open and old_owner = new_owner then 1 else 0 end;
        update member_load
           set open_leads = open_leads + delta,
               last_assigned_at = greatest(last_assigned_at, new_at)
         where member_id = new_owner;
        if not found then
            -- the member's first lead (delta is 1 or 0 here); a concurrent first lead adds up
            insert into member_load as ml (member_id, open_leads, last_assigned_at)
            values (new_owner, greatest(delta, 0), new_at)
            on conflict (member_id) do update
                set open_leads = ml.open_leads + excluded.open_leads,
                    last_assigned_at = greatest(ml.last_assigned_at, excluded.last_assigned_at);
        end if;
    end if;
    if old_owner is not null and old_owner <> new_owner and old_open then
        update member_load set open_leads = open_leads - 1 where member_id = old_owner;
    end if;
    return null;
end;
$$;

create trigger lead_member_load
    after insert or delete or update of owner_id, status, assigned_at on lead
    for each row execute function lead_member_load();
