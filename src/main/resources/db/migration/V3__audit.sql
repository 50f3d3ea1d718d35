-- Audit trail: who changed what, written in the same transaction as the change. Append-only.
create table audit_entry (
    id          bigserial primary key,
    at          timestamptz  not null default now(),
    actor       varchar(100) not null,
    entity_type varchar(40)  not null,
    entity_id   bigint       not null,
    action      varchar(10)  not null check (action in ('create', 'update', 'delete')),
    changes     jsonb        not null default '[]'
);
create index audit_entry_record_idx on audit_entry (entity_type, entity_id, id desc);
create index audit_entry_actor_idx on audit_entry (actor, id desc);
create index audit_entry_at_idx on audit_entry (at desc, id desc);

create function audit_entry_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit entries cannot be changed or deleted';
end;
$$;
create trigger audit_entry_append_only before update or delete on audit_entry
    for each row execute function audit_entry_is_append_only();
