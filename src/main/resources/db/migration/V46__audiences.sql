-- Audiences (issue 33): saved, named filters over leads that operations builds, counts and exports;
-- a campaign's target. Each criterion is a column of its own (null: not filtered), so that the
-- count is one statement on the lead table's indexes.
create sequence audience_seq start with 1 increment by 50;
create table audience (
    id                        bigint primary key,
    name                      varchar(100) not null,
    statuses                  varchar(200),
    segment                   varchar(60),
    region                    varchar(60),
    industry                  varchar(80),
    min_score                 integer,
    max_score                 integer,
    first_touch_campaign_id   bigint references campaign (id),
    channel                   varchar(30),
    customers_of_campaign_id  bigint references campaign (id),
    no_purchase_days          integer,
    created_from              date,
    created_to                date,
    created_by_id             bigint references member (id),
    created_at                timestamptz not null default now(),
    updated_at                timestamptz not null default now(),
    version                   bigint not null default 0
);
create unique index audience_name_key on audience (lower(name));
-- the segment and industry criteria (region, score, status, first touch have theirs)
create index if not exists lead_segment_idx on lead (segment);
create index if not exists lead_industry_idx on lead (industry);
