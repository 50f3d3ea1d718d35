-- Notifications (issue 32): what a person is told, in the app (the bell) and, as they choose, by
-- e-mail. Written by the lead triggers (R__notifications.sql) in the transaction that hands a lead
-- to someone, so none is lost and none is told of a hand-over that rolled back. An import tells each
-- rep once: one row per rep and import, counting its leads, mailed when the import ends.
create table notification (
    id            bigserial   primary key,
    member_id     bigint      not null references member (id) on delete cascade,
    kind          varchar(30) not null,
    lead_id       bigint      references lead (id) on delete cascade,
    activity_id   bigint      references activity (id) on delete cascade,
    import_job_id bigint      references import_job (id) on delete cascade,
    count         int         not null default 1,
    created_at    timestamptz not null default now(),
    read_at       timestamptz,
    -- held: waits (an import still running); queued: to be mailed now; digest: in the next daily
    -- e-mail; mailed: in the outbox; null: nothing to mail
    mail_state    varchar(10) check (mail_state in ('held', 'queued', 'digest', 'mailed'))
);
-- the bell: one indexed count of a person's unread ones
create index notification_unread on notification (member_id) where read_at is null;
create index notification_member on notification (member_id, id desc);
create index notification_mail_due on notification (mail_state, id)
    where mail_state in ('queued', 'digest');
create unique index notification_import on notification (member_id, import_job_id)
    where import_job_id is not null;
create index notification_lead on notification (lead_id);

-- how a person wants to hear: only in the app, an e-mail at once, or one e-mail a day
alter table member add column notify_by varchar(10) not null default 'instant'
    check (notify_by in ('inbox', 'instant', 'digest'));
