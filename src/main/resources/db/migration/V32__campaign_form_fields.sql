-- Which fields a campaign's hosted form shows and requires (campaign/FormFields): null keeps the
-- form as it was (every field optional, segment hidden).
alter table campaign add column form_fields varchar(300);
