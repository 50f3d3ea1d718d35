-- Indexes on lead columns that most leads leave empty keep only the rows that have a value. An
-- imported or hand-made lead has no tracked touch, referral, variant, visitor or deal, yet each of
-- these indexes took an entry for its null on every insert: 13 entries per lead that no query
-- reads (every lookup on these columns is by equality or IN, which implies "not null", so the
-- planner uses the partial index as it used the full one). Inserting leads gets cheaper, and the
-- indexes smaller.
drop index lead_converted_deal_idx;
create index lead_converted_deal_idx on lead (converted_deal_id) where converted_deal_id is not null;
drop index lead_first_touch_campaign_idx;
create index lead_first_touch_campaign_idx on lead (first_touch_campaign_id) where first_touch_campaign_id is not null;
drop index lead_first_touch_variant_idx;
create index lead_first_touch_variant_idx on lead (first_touch_variant_id) where first_touch_variant_id is not null;
drop index lead_last_touch_campaign_idx;
create index lead_last_touch_campaign_idx on lead (last_touch_campaign_id) where last_touch_campaign_id is not null;
drop index lead_last_touch_variant_idx;
create index lead_last_touch_variant_idx on lead (last_touch_variant_id) where last_touch_variant_id is not null;
drop index lead_referrer_campaign_idx;
create index lead_referrer_campaign_idx on lead (referrer_campaign_id) where referrer_campaign_id is not null;
drop index lead_referrer_idx;
create index lead_referrer_idx on lead (referrer_contact_id) where referrer_contact_id is not null;
drop index lead_referrer_variant_idx;
create index lead_referrer_variant_idx on lead (referrer_variant_id) where referrer_variant_id is not null;
drop index lead_routing_rule_idx;
create index lead_routing_rule_idx on lead (routing_rule_id) where routing_rule_id is not null;
drop index lead_variant_idx;
create index lead_variant_idx on lead (variant_id) where variant_id is not null;
drop index lead_visitor_idx;
create index lead_visitor_idx on lead (visitor_id) where visitor_id is not null;
drop index lead_phone_idx;
create index lead_phone_idx on lead (phone_normalized) where phone_normalized is not null;
drop index lead_campaign_idx;
create index lead_campaign_idx on lead (campaign_id, created_at desc) where campaign_id is not null;
