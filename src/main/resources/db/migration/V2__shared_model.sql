-- The shared model of sales and operations: campaigns and variants (operations), leads with their
-- attribution, accounts, contacts, deals with stage history, activities.
create extension if not exists pg_trgm;

create sequence campaign_seq start with 1 increment by 50;
create sequence campaign_variant_seq start with 1 increment by 50;
create sequence lead_seq start with 1 increment by 50;
create sequence account_seq start with 1 increment by 50;
create sequence contact_seq start with 1 increment by 50;
create sequence pipeline_stage_seq start with 1 increment by 50;
create sequence deal_seq start with 1 increment by 50;
create sequence stage_change_seq start with 1 increment by 50;
create sequence deal_change_seq start with 1 increment by 50;
create sequence activity_seq start with 1 increment by 50;

create table campaign (
    id         bigint primary key,
    name       varchar(200) not null,
    objective  varchar(20)  not null check (objective in ('acquisition', 'activation', 'retention', 'revenue', 'referral')),
    channel    varchar(40)  not null,
    status     varchar(20)  not null default 'draft' check (status in ('draft', 'scheduled', 'active', 'paused', 'completed')),
    starts_on  date,
    ends_on    date,
    budget     numeric(14, 2),
    currency   char(3)      not null default 'USD',
    owner_id   bigint references member (id),
    parent_id  bigint references campaign (id),
    created_at timestamptz  not null default now(),
    version    bigint       not null default 0
);
create index campaign_owner_idx on campaign (owner_id);
create index campaign_parent_idx on campaign (parent_id);

create table campaign_variant (
    id             bigint primary key,
    campaign_id    bigint        not null references campaign (id),
    name           varchar(100)  not null,
    headline       varchar(300),
    body           text,
    call_to_action varchar(120),
    landing_url    varchar(2000),
    weight         int           not null default 1 check (weight >= 0),
    tracking_code  varchar(32)   not null unique,
    created_at     timestamptz   not null default now()
);
create index campaign_variant_campaign_idx on campaign_variant (campaign_id);

create table account (
    id         bigint primary key,
    name       varchar(200) not null,
    domain     varchar(200),
    industry   varchar(80),
    region     varchar(60),
    owner_id   bigint references member (id),
    created_at timestamptz  not null default now(),
    version    bigint       not null default 0
);
create index account_domain_idx on account (lower(domain));
create index account_name_idx on account (lower(name));
create index account_owner_idx on account (owner_id);

create table contact (
    id               bigint primary key,
    account_id       bigint       not null references account (id),
    first_name       varchar(100),
    last_name        varchar(100) not null,
    email            varchar(320),
    email_normalized varchar(320),
    phone            varchar(50),
    title            varchar(200),
    owner_id         bigint references member (id),
    created_at       timestamptz  not null default now(),
    version          bigint       not null default 0
);
create index contact_account_idx on contact (account_id);
create index contact_email_idx on contact (email_normalized);
create index contact_owner_idx on contact (owner_id);

-- Touches (first, last, conversion) are snapshots: campaign, variant, UTM and time, copied, never joined live.
create table lead (
    id                      bigint primary key,
    first_name              varchar(100),
    last_name               varchar(100) not null,
    company                 varchar(200),
    title                   varchar(200),
    email                   varchar(320),
    email_normalized        varchar(320),
    phone                   varchar(50),
    phone_normalized        varchar(32),
    region                  varchar(60),
    segment                 varchar(60),
    industry                varchar(80),
    company_size            varchar(20),
    source                  varchar(40)  not null default 'manual',
    utm_source              varchar(200),
    utm_medium              varchar(200),
    utm_campaign            varchar(200),
    utm_content             varchar(200),
    utm_term                varchar(200),
    campaign_id             bigint references campaign (id),
    variant_id              bigint references campaign_variant (id),
    referrer_contact_id     bigint references contact (id),
    status                  varchar(20)  not null default 'new'
        check (status in ('new', 'assigned', 'working', 'accepted', 'rejected', 'qualified', 'converted', 'recycled')),
    reject_reason           varchar(40),
    quality                 smallint check (quality between 1 and 5),
    owner_id                bigint references member (id),
    assigned_at             timestamptz,
    first_response_at       timestamptz,
    score                   int          not null default 0,
    first_touch_campaign_id bigint references campaign (id),
    first_touch_variant_id  bigint references campaign_variant (id),
    first_touch_utm_source  varchar(200),
    first_touch_utm_medium  varchar(200),
    first_touch_utm_campaign varchar(200),
    first_touch_at          timestamptz,
    last_touch_campaign_id  bigint references campaign (id),
    last_touch_variant_id   bigint references campaign_variant (id),
    last_touch_utm_source   varchar(200),
    last_touch_utm_medium   varchar(200),
    last_touch_utm_campaign varchar(200),
    last_touch_at           timestamptz,
    created_at              timestamptz  not null default now(),
    updated_at              timestamptz  not null default now(),
    version                 bigint       not null default 0
);
-- the rep's list: owner first, then every sort it offers, with id as the keyset tie-breaker
create index lead_owner_created_idx on lead (owner_id, created_at desc, id desc);
create index lead_owner_name_idx on lead (owner_id, lower(last_name), id);
create index lead_owner_company_idx on lead (owner_id, lower(coalesce(company, '')), id);
create index lead_owner_score_idx on lead (owner_id, score desc, id desc);
create index lead_owner_status_idx on lead (owner_id, status, created_at desc);
create index lead_campaign_idx on lead (campaign_id, created_at desc);
create index lead_variant_idx on lead (variant_id);
create index lead_source_idx on lead (source, created_at desc);
create index lead_region_idx on lead (region, created_at desc);
create index lead_status_created_idx on lead (status, created_at desc);
create index lead_created_idx on lead (created_at desc, id desc);
create index lead_email_idx on lead (email_normalized);
create index lead_phone_idx on lead (phone_normalized);
create index lead_referrer_idx on lead (referrer_contact_id);
create index lead_first_touch_campaign_idx on lead (first_touch_campaign_id);
create index lead_last_touch_campaign_idx on lead (last_touch_campaign_id);
create index lead_first_touch_variant_idx on lead (first_touch_variant_id);
create index lead_last_touch_variant_idx on lead (last_touch_variant_id);
create index lead_search_idx on lead using gin (
    (coalesce(first_name, '') || ' ' || last_name || ' ' || coalesce(company, '') || ' ' || coalesce(email, '') || ' ' || coalesce(phone, '')) gin_trgm_ops);

create table pipeline_stage (
    id          bigint primary key,
    name        varchar(60) not null,
    position    int         not null,
    probability int         not null check (probability between 0 and 100),
    kind        varchar(10) not null default 'open' check (kind in ('open', 'won', 'lost')),
    archived    boolean     not null default false
);

create table deal (
    id                            bigint primary key,
    name                          varchar(200)  not null,
    account_id                    bigint        not null references account (id),
    contact_id                    bigint references contact (id),
    lead_id                       bigint unique references lead (id),
    owner_id                      bigint        not null references member (id),
    stage_id                      bigint        not null references pipeline_stage (id),
    status                        varchar(10)   not null default 'open' check (status in ('open', 'won', 'lost')),
    amount                        numeric(14, 2) check (amount >= 0),
    currency                      char(3)       not null default 'USD',
    probability                   int           not null check (probability between 0 and 100),
    probability_manual            boolean       not null default false,
    expected_close                date,
    closed_at                     timestamptz,
    lost_reason                   varchar(40),
    competitor                    varchar(120),
    next_step                     varchar(300),
    stage_entered_at              timestamptz   not null default now(),
    first_touch_campaign_id       bigint references campaign (id),
    first_touch_variant_id        bigint references campaign_variant (id),
    first_touch_utm_source        varchar(200),
    first_touch_utm_medium        varchar(200),
    first_touch_utm_campaign      varchar(200),
    first_touch_at                timestamptz,
    last_touch_campaign_id        bigint references campaign (id),
    last_touch_variant_id         bigint references campaign_variant (id),
    last_touch_utm_source         varchar(200),
    last_touch_utm_medium         varchar(200),
    last_touch_utm_campaign       varchar(200),
    last_touch_at                 timestamptz,
    conversion_touch_campaign_id  bigint references campaign (id),
    conversion_touch_variant_id   bigint references campaign_variant (id),
    conversion_touch_utm_source   varchar(200),
    conversion_touch_utm_medium   varchar(200),
    conversion_touch_utm_campaign varchar(200),
    conversion_touch_at           timestamptz,
    created_at                    timestamptz   not null default now(),
    updated_at                    timestamptz   not null default now(),
    version                       bigint        not null default 0
);
create index deal_owner_status_stage_idx on deal (owner_id, status, stage_id);
create index deal_stage_idx on deal (stage_id);
create index deal_account_idx on deal (account_id);
create index deal_contact_idx on deal (contact_id);
create index deal_expected_close_idx on deal (owner_id, expected_close) where status = 'open';
create index deal_closed_idx on deal (owner_id, closed_at) where status = 'won';
create index deal_first_touch_campaign_idx on deal (first_touch_campaign_id);
create index deal_last_touch_campaign_idx on deal (last_touch_campaign_id);
create index deal_conversion_touch_campaign_idx on deal (conversion_touch_campaign_id);
create index deal_first_touch_variant_idx on deal (first_touch_variant_id);
create index deal_last_touch_variant_idx on deal (last_touch_variant_id);
create index deal_conversion_touch_variant_idx on deal (conversion_touch_variant_id);

create table stage_change (
    id            bigint primary key,
    deal_id       bigint      not null references deal (id),
    from_stage_id bigint references pipeline_stage (id),
    to_stage_id   bigint      not null references pipeline_stage (id),
    changed_by_id bigint references member (id),
    changed_at    timestamptz not null default now()
);
create index stage_change_deal_idx on stage_change (deal_id, changed_at);
create index stage_change_to_idx on stage_change (to_stage_id, changed_at);
create index stage_change_from_idx on stage_change (from_stage_id);
create index stage_change_by_idx on stage_change (changed_by_id);

create table deal_change (
    id            bigint primary key,
    deal_id       bigint      not null references deal (id),
    field         varchar(40) not null,
    old_value     varchar(400),
    new_value     varchar(400),
    changed_by_id bigint references member (id),
    changed_at    timestamptz not null default now()
);
create index deal_change_deal_idx on deal_change (deal_id, changed_at);
create index deal_change_by_idx on deal_change (changed_by_id);

create table activity (
    id         bigint primary key,
    kind       varchar(10)  not null check (kind in ('call', 'email', 'meeting', 'note', 'task')),
    subject    varchar(200) not null,
    notes      text,
    due_at     timestamptz,
    done_at    timestamptz,
    owner_id   bigint       not null references member (id),
    lead_id    bigint references lead (id),
    deal_id    bigint references deal (id),
    contact_id bigint references contact (id),
    form_key   uuid unique,
    created_at timestamptz  not null default now(),
    check (lead_id is not null or deal_id is not null or contact_id is not null)
);
create index activity_lead_idx on activity (lead_id, created_at desc);
create index activity_deal_idx on activity (deal_id, created_at desc);
create index activity_contact_idx on activity (contact_id, created_at desc);
create index activity_open_tasks_idx on activity (owner_id, due_at) where kind = 'task' and done_at is null;

-- lead ↔ deal link after conversion
alter table lead add column converted_deal_id bigint references deal (id);
create index lead_converted_deal_idx on lead (converted_deal_id);

-- the default pipeline (admin settings will edit it)
insert into pipeline_stage (id, name, position, probability, kind) values
    (1, 'qualification', 1, 10, 'open'),
    (2, 'discovery', 2, 25, 'open'),
    (3, 'proposal', 3, 50, 'open'),
    (4, 'negotiation', 4, 75, 'open'),
    (5, 'won', 5, 100, 'won'),
    (6, 'lost', 6, 0, 'lost');
select setval('pipeline_stage_seq', 51);

-- sales quotas per rep and month
create sequence quota_seq start with 1 increment by 50;
create table quota (
    id        bigint primary key,
    member_id bigint         not null references member (id),
    month     date           not null check (extract(day from month) = 1),
    amount    numeric(14, 2) not null check (amount >= 0),
    currency  char(3)        not null default 'USD',
    unique (member_id, month)
);
