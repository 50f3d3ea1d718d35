-- Idempotency keys for every POST of the API (issue 34), not only leads: what kind of record the
-- key made ('lead', 'account', 'contact', 'deal', 'activity') and its id. Leads keep their foreign
-- key in lead_id; the others name their record in record_id.
alter table api_idempotency alter column lead_id drop not null;
alter table api_idempotency add column kind varchar(20) not null default 'lead';
alter table api_idempotency add column record_id bigint;
