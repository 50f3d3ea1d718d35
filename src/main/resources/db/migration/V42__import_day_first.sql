-- How an import reads dates written with slashes (issue 39): false = month first (11/03/2026 is
-- 3 November, as Salesforce and HubSpot in the US write them), true = day first (11 March). The
-- preview proposes it from the file's own dates and says when they leave it open.
alter table import_job add column day_first boolean not null default false;
