-- Every function and trigger of the notifications in its one current definition (the tables:
-- V38__notifications.sql). A lead handed to someone tells them: at creation (capture, import, a
-- lead typed in by operations and routed) and when its owner changes (a manager's hand-over, a
-- re-route). A rep's own lead typed in by hand tells no one. Inside an import (the setting
-- loop.import_job, set by each batch's transaction) the leads of a rep add up in one row per import;
-- history written with loop.quiet (the demo data's past months) tells no one.

-- how a notification for a person with this address and choice is mailed: the one rule, an
-- expression the planner inlines where a statement joins the members itself
create or replace function notify_mail_state_of(email varchar, notify_by varchar) returns varchar
    language sql immutable as $$
    select case when email is null or notify_by = 'inbox' then null
                when notify_by = 'digest' then 'digest'
                else 'queued' end
$$;

create or replace function notify_mail_state(member_id bigint) returns varchar language sql stable as $$
    select notify_mail_state_of(m.email, m.notify_by) from member m where m.id = member_id
$$;

create or replace function notify_new_leads() returns trigger language plpgsql as $$
declare
    job bigint := nullif(current_setting('loop.import_job', true), '')::bigint;
begin
    if current_setting('loop.quiet', true) = 'on' then
        return null;
    end if;
    if job is not null then
        insert into notification (member_id, kind, import_job_id, count, mail_state)
        select n.owner_id, 'import_summary', job, count(*), 'held'
          from new_leads n
         where n.owner_id is not null
         group by n.owner_id
        on conflict (member_id, import_job_id) where import_job_id is not null
        do update set count = notification.count + excluded.count, created_at = now();
    else
        -- one join for the statement's leads (a capture group, a hand entry), not a lookup each
        insert into notification (member_id, kind, lead_id, mail_state)
        select n.owner_id, 'lead_assigned', n.id, notify_mail_state_of(m.email, m.notify_by)
          from new_leads n join member m on m.id = n.owner_id
         where n.routing_kind is distinct from 'by_hand';
    end if;
    return null;
end $$;

create or replace function notify_lead_handed_over() returns trigger language plpgsql as $$
begin
    if nullif(current_setting('loop.import_job', true), '') is not null
       or current_setting('loop.quiet', true) = 'on' then
        return null;
    end if;
    insert into notification (member_id, kind, lead_id, mail_state)
    values (new.owner_id, 'lead_assigned', new.id, notify_mail_state(new.owner_id));
    return null;
end $$;

create or replace trigger lead_notify_insert after insert on lead referencing new table as new_leads
    for each statement execute function notify_new_leads();
create or replace trigger lead_notify_owner after update of owner_id on lead
    for each row when (new.owner_id is not null and old.owner_id is distinct from new.owner_id)
    execute function notify_lead_handed_over();
