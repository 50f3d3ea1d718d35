-- Webhooks (issue 34): endpoints an admin registers, the events Loop tells them of, and each
-- delivery with its attempts. An event is written in the transaction of the change that causes it
-- (the audit's pre-commit step), so none exists without its change and no committed change lacks
-- its event: the event table is the outbox. The sender (webhook/WebhookSender) fans each event out
-- to the endpoints subscribed to it, a batch in one statement, and sends the deliveries.
create sequence webhook_endpoint_seq start with 1 increment by 50;
create table webhook_endpoint (
    id                    bigint       primary key,
    url                   varchar(2000) not null,
    description           varchar(200),
    event_types           text[]       not null,
    -- whsec_ + base64 of 32 random bytes, as the Standard Webhooks scheme writes a secret
    secret                varchar(100) not null,
    -- after a rotation the old secret signs too until previous_secret_until
    previous_secret       varchar(100),
    previous_secret_until timestamptz,
    enabled               boolean      not null default true,
    disabled_reason       varchar(30),
    -- the first failure since the last success: an endpoint failing for days is disabled
    failing_since         timestamptz,
    created_by            bigint       references member (id) on delete set null,
    -- a new or rotated secret is shown once, to the admin who made it, shortly after
    reveal_to             bigint       references member (id) on delete set null,
    reveal_until          timestamptz,
    created_at            timestamptz  not null default now(),
    version               bigint       not null default 0
);

create table webhook_event (
    id          bigserial    primary key,
    -- the webhook-id header: the same for every attempt and replay of this event
    message_id  varchar(40)  not null unique,
    type        varchar(40)  not null,
    -- lead:42: events of one record are delivered to an endpoint in their order
    record_key  varchar(40)  not null,
    payload     text         not null,
    created_at  timestamptz  not null default now(),
    -- its deliveries are made (one per endpoint subscribed to its type when it was fanned out)
    fanned      boolean      not null default false
);
create index webhook_event_unfanned on webhook_event (id) where not fanned;

create table webhook_delivery (
    id              bigserial   primary key,
    endpoint_id     bigint      not null references webhook_endpoint (id) on delete cascade,
    event_id        bigint      not null references webhook_event (id) on delete cascade,
    record_key      varchar(40) not null,
    -- queued: due at next_attempt_at; sending: claimed until next_attempt_at (a lease);
    -- delivered: answered 2xx; failed: given up after the last retry
    state           varchar(10) not null default 'queued'
        check (state in ('queued', 'sending', 'delivered', 'failed')),
    attempts        int         not null default 0,
    next_attempt_at timestamptz not null default now(),
    delivered_at    timestamptz,
    last_status     int,
    last_error      varchar(500)
);
create index webhook_delivery_due on webhook_delivery (next_attempt_at, id)
    where state in ('queued', 'sending');
create index webhook_delivery_record on webhook_delivery (endpoint_id, record_key, event_id)
    where state in ('queued', 'sending');
create index webhook_delivery_log on webhook_delivery (endpoint_id, id desc);
create index webhook_delivery_event on webhook_delivery (event_id);

-- the delivery log: every attempt with what was answered
create table webhook_attempt (
    id               bigserial   primary key,
    delivery_id      bigint      not null references webhook_delivery (id) on delete cascade,
    at               timestamptz not null default now(),
    status           int,
    error            varchar(500),
    response_excerpt varchar(1000),
    duration_ms      int         not null
);
create index webhook_attempt_delivery on webhook_attempt (delivery_id, id);

-- "its admin told": a notification when an endpoint is disabled
alter table notification add column webhook_endpoint_id bigint
    references webhook_endpoint (id) on delete cascade;
