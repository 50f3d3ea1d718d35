-- Idempotency keys belong to the API client that sent them: two integrations that happen to use
-- the same key get their own answers, never each other's lead.
alter table api_idempotency add column client varchar(255) not null default '';
alter table api_idempotency drop constraint api_idempotency_pkey;
alter table api_idempotency add primary key (client, key);
