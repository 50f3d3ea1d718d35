-- People: the local mirror of Keycloak users, and teams.
create sequence member_seq start with 1 increment by 50;
create sequence team_seq start with 1 increment by 50;

create table team (
    id         bigint primary key,
    name       varchar(100) not null unique,
    manager_id bigint,
    created_at timestamptz  not null default now()
);

create table member (
    id            bigint primary key,
    subject       varchar(64)  not null unique,
    username      varchar(100) not null,
    display_name  varchar(200) not null,
    email         varchar(320),
    roles         text         not null default '',
    team_id       bigint references team (id),
    last_login_at timestamptz,
    created_at    timestamptz  not null default now()
);

alter table team add constraint team_manager_fk foreign key (manager_id) references member (id);
create index member_team_idx on member (team_id);
create index team_manager_idx on team (manager_id);
