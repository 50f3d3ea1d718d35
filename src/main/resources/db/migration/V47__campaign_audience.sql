-- A campaign's target (issue 33): the audience whose members it reaches.
alter table campaign add column audience_id bigint references audience (id);
create index campaign_audience_idx on campaign (audience_id);
