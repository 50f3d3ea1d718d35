-- The nightly purge of webhook events kept long enough (loop.webhooks.keep, 30 days): found by age.
create index webhook_event_created on webhook_event (created_at);
