-- Attachments of the mail read from the replies mailbox (issue 32), stored with their message: its
-- name, type and size always; its content when it is within the limit (loop.mail.attachment-max),
-- else null ("too large to keep"). activity_id: the timeline entry of the reply, when it was filed.
create table mail_attachment (
    id               bigserial    primary key,
    received_mail_id bigint       not null references received_mail (id) on delete cascade,
    activity_id      bigint       references activity (id) on delete set null,
    file_name        varchar(200) not null,
    content_type     varchar(100) not null,
    size_bytes       bigint       not null,
    content          bytea,
    kept             boolean      generated always as (content is not null) stored
);
create index mail_attachment_mail on mail_attachment (received_mail_id);
create index mail_attachment_activity on mail_attachment (activity_id);
