-- Form submissions per client address and minute, shared by every instance of the application
-- (the limit used to be counted in each instance's memory). Unlogged: a crash may forget the
-- current minute's counts, which is harmless for a rate limit and saves the WAL write per
-- submission. Old minutes are deleted by the application every minute.
create unlogged table capture_window (
  address text not null,
  minute bigint not null,
  submissions integer not null,
  primary key (address, minute)
);
