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

-- Operations' lead lists (all leads, the queue) sort by name and company like the sales list, but
-- without an owner: keyset paging over the whole table needs these orders indexed too (score and
-- created already are, V2 and V5).
create index lead_name_idx on lead (lower(last_name), id);
create index lead_company_idx on lead (lower(coalesce(company, '')), id);
