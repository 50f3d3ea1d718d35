-- Operations: campaign targeting and goals, clicks on tracking links, routing rules, cost ledger.

alter table campaign add column target_region varchar(60);
alter table campaign add column target_industry varchar(80);
alter table campaign add column target_company_size varchar(20);
alter table campaign add column goal_leads integer check (goal_leads >= 0);
alter table campaign add column goal_activated integer check (goal_activated >= 0);
alter table campaign add column goal_retained integer check (goal_retained >= 0);
alter table campaign add column goal_revenue numeric(14, 2) check (goal_revenue >= 0);
alter table campaign add column goal_referrals integer check (goal_referrals >= 0);
alter table campaign add column updated_at timestamptz not null default now();
create index campaign_status_idx on campaign (status, created_at desc);

alter table campaign_variant add column thank_you_url varchar(2000);

-- One row per click on a tracking link: the busiest table, written by one insert per click.
create table click (
    id          bigint generated always as identity primary key,
    variant_id  bigint       not null references campaign_variant (id),
    campaign_id bigint       not null references campaign (id),
    visitor_id  uuid         not null,
    utm_source  varchar(200),
    utm_medium  varchar(200),
    utm_campaign varchar(200),
    referrer    varchar(500),
    clicked_at  timestamptz  not null default now()
);
create index click_variant_idx on click (variant_id, clicked_at);
create index click_campaign_idx on click (campaign_id, clicked_at);
create index click_visitor_idx on click (visitor_id, clicked_at);

-- Leads remember the visitor they came from and why routing sent them where it did.
alter table lead add column visitor_id uuid;
alter table lead add column routing_note varchar(300);
alter table lead add column routing_rule_id bigint;
create index lead_visitor_idx on lead (visitor_id);
create index lead_queue_idx on lead (created_at desc, id desc) where owner_id is null;

-- Ordered routing rules: conditions (null = any) and a target team or named reps.
create sequence routing_rule_seq start with 1 increment by 50;
create table routing_rule (
    id          bigint primary key,
    position    integer      not null,
    name        varchar(100) not null,
    region      varchar(60),
    segment     varchar(60),
    source      varchar(40),
    campaign_id bigint references campaign (id),
    variant_id  bigint references campaign_variant (id),
    team_id     bigint references team (id),
    member_ids  varchar(500),
    active      boolean      not null default true,
    created_at  timestamptz  not null default now(),
    check (team_id is not null or member_ids is not null)
);
create index routing_rule_position_idx on routing_rule (position, id);
alter table lead add constraint lead_routing_rule_fk foreign key (routing_rule_id) references routing_rule (id);
create index lead_routing_rule_idx on lead (routing_rule_id);

-- A rep takes at most this many open leads from routing (null: no limit).
alter table member add column lead_capacity integer check (lead_capacity >= 0);

-- The cost ledger: dated costs per campaign, optionally per variant and channel.
create sequence cost_entry_seq start with 1 increment by 50;
create table cost_entry (
    id          bigint primary key,
    campaign_id bigint        not null references campaign (id),
    variant_id  bigint references campaign_variant (id),
    channel     varchar(40),
    incurred_on date          not null,
    amount      numeric(14, 2) not null check (amount >= 0),
    currency    char(3)       not null,
    note        varchar(300),
    created_by_id bigint references member (id),
    created_at  timestamptz   not null default now()
);
create index cost_entry_campaign_idx on cost_entry (campaign_id, incurred_on);
create index cost_entry_variant_idx on cost_entry (variant_id);

-- CSV imports: the uploaded file stays on disk; the job keeps mapping, progress and counts.
create sequence import_job_seq start with 1 increment by 50;
create table import_job (
    id            bigint primary key,
    file_name     varchar(300) not null,
    stored_path   varchar(1000) not null,
    report_path   varchar(1000),
    layout        varchar(20)  not null,
    mapping       text         not null default '',
    status        varchar(20)  not null default 'uploaded' check (status in ('uploaded', 'running', 'done', 'failed')),
    processed     integer      not null default 0,
    created_count integer      not null default 0,
    updated_count integer      not null default 0,
    skipped_count integer      not null default 0,
    error         varchar(500),
    created_by_id bigint references member (id),
    created_at    timestamptz  not null default now(),
    finished_at   timestamptz
);
create index import_job_created_idx on import_job (created_at desc);

-- Referral links: a customer's personal code; leads that arrive through it name the referrer.
alter table contact add column referral_code varchar(32) unique;

-- The lead API's idempotency keys: a retried request gets the first answer, creates nothing.
create table api_idempotency (
    key        varchar(100) primary key,
    lead_id    bigint       not null references lead (id),
    status     integer      not null,
    created_at timestamptz  not null default now()
);

-- Lead scoring: explainable fit and engagement rules; the score and its reasons are kept on the lead.
create sequence scoring_rule_seq start with 1 increment by 50;
create table scoring_rule (
    id         bigint primary key,
    kind       varchar(12)  not null check (kind in ('fit', 'engagement')),
    attribute  varchar(30)  not null,
    value      varchar(100),
    points     integer      not null check (points between -1000 and 1000),
    active     boolean      not null default true,
    created_at timestamptz  not null default now()
);
alter table lead add column score_reasons text;
create index lead_score_idx on lead (score desc, id desc);

-- What a lead did besides clicking: form submissions, API posts, referrals, imports.
create table lead_event (
    id      bigint generated always as identity primary key,
    lead_id bigint      not null references lead (id),
    kind    varchar(20) not null check (kind in ('form', 'api', 'referral', 'import')),
    at      timestamptz not null default now()
);
create index lead_event_lead_idx on lead_event (lead_id, at desc);
