-- Tasks a user completes: the task list pages open tasks by due time and done tasks by completion
-- time, keyset-paged by id within each.
drop index activity_open_tasks_idx;
create index activity_open_tasks_idx on activity (owner_id, due_at, id)
    where kind = 'task' and done_at is null;
create index activity_done_tasks_idx on activity (owner_id, done_at desc, id desc)
    where kind = 'task' and done_at is not null;
