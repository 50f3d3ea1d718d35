-- Today lists a rep's leads waiting for a first response, longest waiting first: at a million leads
-- a rep holds about 300,000 open leads, and without this index the page sorted all of them
-- (313 ms measured on the bench dataset).
create index lead_waiting_idx on lead (owner_id, assigned_at, id) where status in ('new', 'assigned');
