-- Reminders (issue 32): a lead still waiting for its first response when the team's target passes
-- reminds its rep and the team's manager once; a task that falls due reminds its owner once. The
-- moment each reminder went out is kept on the record, so a restart or a second instance reminds
-- nobody twice.
alter table lead add column response_reminded_at timestamptz;
alter table activity add column due_reminded_at timestamptz;
-- what the reminder job looks for: waiting leads not reminded yet, open tasks not reminded yet
create index lead_awaiting_reminder on lead (assigned_at)
    where first_response_at is null and response_reminded_at is null
      and status in ('new', 'assigned') and owner_id is not null;
create index activity_due_reminder on activity (due_at)
    where kind = 'task' and done_at is null and due_reminded_at is null;
