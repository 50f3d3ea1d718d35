-- An import reads leads, or the accounts, contacts and deals of the CRM being left (issue 14).
alter table import_job add column kind varchar(10) not null default 'lead'
    check (kind in ('lead', 'account', 'contact', 'deal'));
-- The user's own mapping of the file's statuses (leads) or stages (deals): one "value<TAB>ours" per line.
alter table import_job add column value_map text not null default '';
-- Deals are matched by account and name when a file is imported again.
create index if not exists deal_account_name_idx on deal (account_id, lower(name));
