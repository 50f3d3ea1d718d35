-- One split link per campaign, /t/c/{code}: it picks a variant by weight. Every campaign gets
-- its code here (the default also covers rows written by SQL, such as the benchmark dataset);
-- the app gives new campaigns a code of its own alphabet. Weights now take part in the split, so
-- a weight of 0 (stored, but used nowhere until now) becomes 1 and weights must be 1 to 1000.
alter table campaign
    add column code varchar(32) not null
        default 'c' || substr(md5(random()::text || clock_timestamp()::text), 1, 11);
alter table campaign add constraint campaign_code_key unique (code);

update campaign_variant set weight = 1 where weight < 1;
alter table campaign_variant drop constraint campaign_variant_weight_check;
alter table campaign_variant
    add constraint campaign_variant_weight_check check (weight between 1 and 1000);
