-- What an idempotency key was first sent with (issue 38): the same key with another body is the
-- client's mistake, answered 422, instead of silently replaying the first lead. Null for keys kept
-- before this column: those replay as they did.
alter table api_idempotency add column body_hash varchar(64);
