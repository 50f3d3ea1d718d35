-- E-mail (issue 32). Everything sent out is first a row of the outbox, written in the transaction
-- of its cause; a worker sends it with retries (exponential backoff) and a Message-ID fixed when
-- the row is written, so a message sent again after a crash is recognisable as the same message.
create table outbox_message (
    id              bigserial    primary key,
    message_id      varchar(200) not null unique,
    reply_tag       varchar(40)  unique,
    from_address    varchar(254) not null,
    from_name       varchar(200),
    to_addresses    varchar(2000) not null,
    cc_addresses    varchar(2000),
    reply_to        varchar(254),
    in_reply_to     varchar(200),
    subject         varchar(300) not null,
    body_text       text         not null,
    state           varchar(10)  not null default 'queued',
    attempts        int          not null default 0,
    next_attempt_at timestamptz  not null default now(),
    last_error      varchar(500),
    created_at      timestamptz  not null default now(),
    sent_at         timestamptz,
    activity_id     bigint       references activity (id) on delete set null,
    constraint outbox_state check (state in ('queued', 'sending', 'sent', 'failed'))
);
-- what the worker looks for: due messages, oldest first (sent and failed ones are not in it)
create index outbox_due on outbox_message (next_attempt_at, id) where state in ('queued', 'sending');
create index outbox_activity on outbox_message (activity_id);

-- an e-mail on a record's timeline: its state (queued, sent, failed; received for a reply) and,
-- for one that failed, why; the addresses it went to or came from
alter table activity add column mail_state varchar(10);
alter table activity add column mail_address varchar(2000);
alter table activity add column mail_error varchar(500);

-- every message read from the replies mailbox, once (its Message-ID): placed on a record's
-- timeline (activity_id), or kept here for operations' "unmatched" list
create table received_mail (
    id           bigserial    primary key,
    message_id   varchar(300) not null unique,
    from_address varchar(320),
    subject      varchar(300),
    body_text    text,
    attachments  int          not null default 0,
    received_at  timestamptz  not null default now(),
    activity_id  bigint       references activity (id) on delete set null
);
create index received_mail_unmatched on received_mail (received_at desc) where activity_id is null;
