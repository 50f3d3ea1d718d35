-- E-mail templates an admin keeps (issue 32): per language, with merge fields that a rep's e-mail
-- fills from the record ({firstName}, {lastName}, {company}, {repName}, {repEmail}). Archived, not
-- deleted, like the other lists an admin keeps.
create sequence mail_template_seq start with 1 increment by 50;
create table mail_template (
    id         bigint       primary key,
    name       varchar(100) not null,
    language   varchar(10)  not null check (language in ('en', 'zh-CN')),
    subject    varchar(200) not null,
    body       text         not null,
    archived   boolean      not null default false,
    created_at timestamptz  not null default now(),
    version    bigint       not null default 0
);
