-- A running import holds a lease: each committed batch renews heartbeat_at. An import whose lease
-- ran out (its instance stopped) is marked interrupted by whichever instance looks next; before,
-- every instance marked every running import interrupted when it started, also one another
-- instance was still running.
alter table import_job add column heartbeat_at timestamptz;
update import_job set heartbeat_at = now() where status = 'running';
