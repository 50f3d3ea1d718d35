-- Admin: disabled members, editable pipeline stages and choice lists.

-- A member disabled in Keycloak through the admin pages: its open sessions stop at once.
alter table member add column enabled boolean not null default true;
create index member_disabled_idx on member (id) where not enabled;

-- A stage renamed or added by an admin carries its own label; the built-in ones are translated.
alter table pipeline_stage add column label varchar(100);
alter table pipeline_stage add column created_at timestamptz not null default now();

-- The editable lists: reject reasons, lost reasons, competitors, currencies. Records keep the code;
-- a value in use is archived, never deleted, so old records keep showing it.
create sequence choice_seq start with 1 increment by 50;
create table choice (
    id         bigint       primary key,
    list       varchar(30)  not null check (list in ('reject_reason', 'lost_reason', 'competitor', 'currency')),
    code       varchar(60)  not null,
    label      varchar(100),
    position   integer      not null default 0,
    archived   boolean      not null default false,
    created_at timestamptz  not null default now(),
    unique (list, code)
);

insert into choice (id, list, code, position) values
    (1, 'reject_reason', 'not_a_fit', 1), (2, 'reject_reason', 'no_budget', 2),
    (3, 'reject_reason', 'duplicate', 3), (4, 'reject_reason', 'wrong_contact', 4),
    (5, 'reject_reason', 'spam', 5), (6, 'reject_reason', 'competitor', 6),
    (7, 'reject_reason', 'other', 7),
    (11, 'lost_reason', 'price', 1), (12, 'lost_reason', 'competitor', 2),
    (13, 'lost_reason', 'no_decision', 3), (14, 'lost_reason', 'timing', 4),
    (15, 'lost_reason', 'features', 5), (16, 'lost_reason', 'no_budget', 6),
    (17, 'lost_reason', 'other', 7),
    (21, 'currency', 'USD', 1), (22, 'currency', 'EUR', 2), (23, 'currency', 'CNY', 3),
    (24, 'currency', 'GBP', 4), (25, 'currency', 'JPY', 5);
select setval('choice_seq', 51);
