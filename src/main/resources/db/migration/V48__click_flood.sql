-- Clicks past the per-address cap are kept as a flood, not counted (issue 36): the check allows the
-- new reason. NOT VALID: the rows there are valid already, and checking them would scan the click
-- table under a lock; new rows are checked.
alter table click drop constraint if exists click_ignored_check;
alter table click add constraint click_ignored_check
    check (ignored in ('bot', 'repeat', 'flood')) not valid;
