-- Rescoring off the request path lives in the database, so that any instance does it and nothing
-- waits in one instance's memory (a crash or a scale-down lost it before).
--
-- Leads to score again after their visitor clicked a tracking link: noted with the clicks
-- themselves (one statement per click batch), taken by whichever instance drains first.
create table rescore_request (
    visitor_id uuid primary key
);

create function note_rescore_after_clicks() returns trigger language plpgsql as $$
begin
    insert into rescore_request (visitor_id)
    select distinct n.visitor_id
    from new_clicks n
    where exists (select 1 from lead l where l.visitor_id = n.visitor_id)
    on conflict do nothing;
    return null;
end $$;

create trigger click_notes_rescore after insert on click
    referencing new table as new_clicks
    for each statement execute function note_rescore_after_clicks();

-- A pass over every lead (the rules changed): the last lead id done, null when no pass is due.
-- A new change sets it back to 0; an instance that stops mid-pass leaves it for another.
create table rescoring_pass (
    id         int primary key check (id = 1),
    after_lead bigint
);
insert into rescoring_pass (id, after_lead) values (1, null);
