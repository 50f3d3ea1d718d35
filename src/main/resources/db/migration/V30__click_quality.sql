-- Clicks that cannot be stuffed: every kept click stays (for audit), but the funnel counts one
-- click per visitor, variant and 30 minutes and none from known bots. "ignored" says why a click
-- is not counted; the rollup keeps both counts (clicks_ignored for the campaign page).
alter table click add column ignored varchar(8) check (ignored in ('bot', 'repeat'));
alter table funnel_rollup add column clicks_ignored bigint not null default 0;
