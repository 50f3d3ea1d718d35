-- Six months of funnel history for the demo: clicks on every variant, leads captured from some of
-- them (search B converts clicks about twice as well as search A), accepts, rejects and recycled leads of the
-- reps, deals won and lost, repeat purchases, referrals by customers, and monthly spend. The
-- database triggers keep the funnel rollups as these rows arrive. Ids start at 1,000,000,000, far
-- above what a demo's sequences hand out. Statements are separated by lines holding only ";".
create temporary table demo_variant on commit drop as
select v.id, v.campaign_id, v.tracking_code,
       case v.tracking_code when 'sea-a' then 0.035 when 'sea-b' then 0.07 when 'wbn-a' then 0.09
                            when 'wbn-b' then 0.08 else 0.25 end as rate,
       case v.tracking_code when 'sea-a' then 16 when 'sea-b' then 16 when 'wbn-a' then 7
                            when 'wbn-b' then 7 else 2 end as per_day
  from campaign_variant v where v.tracking_code in ('sea-a', 'sea-b', 'wbn-a', 'wbn-b', 'ref-1')
;
create temporary table demo_rep on commit drop as
select row_number() over (order by id) - 1 as k, id from member where roles like '%sales%'
;
insert into click (variant_id, campaign_id, visitor_id, utm_source, utm_medium, utm_campaign, clicked_at)
select v.id, v.campaign_id, gen_random_uuid(), 'demo', 'cpc', v.tracking_code,
       date_trunc('day', now()) - d * interval '1 day' + random() * interval '1 day'
  from demo_variant v, generate_series(2, 182) d,
       lateral generate_series(1, (v.per_day * (0.6 + random() * 0.8))::int) n
;
with x as materialized (
    select row_number() over (order by c.id) n, c.visitor_id, c.campaign_id, c.variant_id, c.clicked_at,
           v.tracking_code, c.clicked_at + interval '4 minutes' created,
           case when c.clicked_at > now() - interval '3 days' then 'assigned'
                when random() < 0.62 then 'accepted' when random() < 0.4 then 'rejected' else 'recycled' end st
      from click c join demo_variant v on v.id = c.variant_id
     where abs(hashtext(c.visitor_id::text)) % 1000 < v.rate * 1000 and c.clicked_at < now() - interval '1 day')
insert into lead (id, last_name, first_name, company, email, email_normalized, segment, region, source,
                  status, reject_reason, quality, owner_id, created_at, updated_at, assigned_at,
                  first_response_at, visitor_id, first_touch_campaign_id, first_touch_variant_id,
                  first_touch_at, last_touch_campaign_id, last_touch_variant_id, last_touch_at,
                  campaign_id, variant_id, utm_source, utm_medium, utm_campaign)
select 1000000000 + n, 'Visitor ' || n, (array['Lin', 'Sara', 'Tom', 'Mei', 'Omar', 'Ana', 'Jon', 'Li'])[1 + n % 8],
       'Prospect ' || (n % 400), 'visitor' || n || '@example.org', 'visitor' || n || '@example.org',
       (array['smb', 'mid-market', 'enterprise'])[1 + n % 3], (array['EMEA', 'APAC', 'Americas'])[1 + n % 3],
       'form', st, case when st = 'rejected' then (array['not_a_fit', 'no_budget', 'duplicate', 'spam'])[1 + n % 4] end,
       case when st in ('accepted', 'rejected') then case when st = 'rejected' then 1 + n % 3 else 3 + n % 3 end end,
       (select id from demo_rep where k = n % greatest((select count(*) from demo_rep), 1)),
       created, created, created,
       case when st <> 'assigned' then created + (20 + n % 300) * interval '1 minute' end,
       visitor_id, campaign_id, variant_id, clicked_at, campaign_id, variant_id, clicked_at,
       campaign_id, variant_id, 'demo', 'cpc', tracking_code
  from x
;
insert into account (id, name, industry, region)
select 1000000000 + l.id - 1000000000, l.company || ' ' || (l.id - 1000000000), 'Software', l.region
  from lead l where l.id > 1000000000 and l.status = 'accepted' and (l.id % 100) < 55
;
insert into contact (id, account_id, first_name, last_name, email, email_normalized, referral_code)
select a.id, a.id, l.first_name, l.last_name, l.email, l.email_normalized, 'demo' || a.id
  from account a join lead l on l.id = a.id where a.id > 1000000000
;
insert into deal (id, name, account_id, contact_id, lead_id, owner_id, stage_id, status, amount, currency,
                  probability, expected_close, closed_at, lost_reason, competitor, created_at, updated_at,
                  first_touch_campaign_id, first_touch_variant_id, first_touch_at,
                  last_touch_campaign_id, last_touch_variant_id, last_touch_at)
select l.id, l.company || ' subscription', l.id, l.id, l.id, l.owner_id,
       case o when 'won' then 5 when 'lost' then 6 else 3 end, o,
       2000 + (l.id % 37) * 500, 'USD', case o when 'won' then 100 when 'lost' then 0 else 50 end,
       case when o = 'open' then (now() + interval '20 days')::date end,
       case when o <> 'open' then least(now() - interval '1 hour', l.first_response_at + (7 + l.id % 50) * interval '1 day') end,
       case when o = 'lost' then (array['price', 'competitor', 'timing', 'features'])[1 + l.id % 4] end,
       case when o = 'lost' and l.id % 4 = 1 then (array['Initrode', 'Globex'])[1 + l.id % 2] end,
       coalesce(l.first_response_at, l.created_at), coalesce(l.first_response_at, l.created_at),
       l.first_touch_campaign_id, l.first_touch_variant_id, l.first_touch_at,
       l.last_touch_campaign_id, l.last_touch_variant_id, l.last_touch_at
  from (select l.*, case when l.first_response_at > now() - interval '10 days' then 'open'
                         when (l.id % 100) < 30 then 'won' when (l.id % 100) < 46 then 'lost' else 'open' end o
          from lead l join account a on a.id = l.id where l.id > 1000000000) l
;
update lead l set status = 'converted', converted_deal_id = l.id
  from deal d where d.id = l.id and l.id > 1000000000
;
insert into deal (id, name, account_id, contact_id, owner_id, stage_id, status, amount, currency, probability,
                  closed_at, created_at, updated_at)
select 1500000000 + d.id - 1000000000, 'Expansion: ' || d.name, d.account_id, d.contact_id, d.owner_id, 5, 'won',
       d.amount / 2, 'USD', 100, d.closed_at + (30 + d.id % 90) * interval '1 day', d.closed_at, d.closed_at
  from deal d
 where d.id > 1000000000 and d.id < 1500000000 and d.status = 'won' and d.id % 4 = 0
   and d.closed_at + (30 + d.id % 90) * interval '1 day' < now()
;
insert into lead (id, last_name, first_name, company, email, email_normalized, segment, region, source, status,
                  owner_id, created_at, updated_at, assigned_at, referrer_contact_id,
                  first_touch_campaign_id, first_touch_variant_id, first_touch_at,
                  last_touch_campaign_id, last_touch_variant_id, last_touch_at, campaign_id, variant_id)
select 1200000000 + d.id - 1000000000 + k, 'Referral ' || k, 'Kim', 'Friend of ' || d.name,
       'ref' || d.id || '-' || k || '@example.org', 'ref' || d.id || '-' || k || '@example.org', 'smb', 'EMEA',
       'referral', 'assigned', d.owner_id, d.closed_at + (3 + k * 5) * interval '1 day',
       d.closed_at + (3 + k * 5) * interval '1 day', d.closed_at + (3 + k * 5) * interval '1 day', d.contact_id,
       v.campaign_id, v.id, d.closed_at + (3 + k * 5) * interval '1 day',
       v.campaign_id, v.id, d.closed_at + (3 + k * 5) * interval '1 day', v.campaign_id, v.id
  from deal d cross join demo_variant v, generate_series(1, 2) k
 where v.tracking_code = 'ref-1' and d.id > 1000000000 and d.id < 1500000000 and d.status = 'won'
   and d.id % 3 = 0 and d.closed_at + (3 + k * 5) * interval '1 day' < now()
;
insert into cost_entry (id, campaign_id, variant_id, channel, incurred_on, amount, currency, note)
select 1000000000 + v.id * 10 + m, v.campaign_id, v.id, c.channel,
       (date_trunc('month', now()) - m * interval '1 month')::date,
       case v.tracking_code when 'sea-a' then 1400 when 'sea-b' then 1400 when 'wbn-a' then 900
                            when 'wbn-b' then 900 else 150 end, 'USD', 'Monthly spend'
  from demo_variant v join campaign c on c.id = v.campaign_id, generate_series(0, 5) m
