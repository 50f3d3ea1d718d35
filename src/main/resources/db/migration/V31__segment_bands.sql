-- Segment from company size: an administrator names the segment of each company size bucket; a
-- lead written without a segment gets its bucket's (lead_before_write in R__funnel.sql), so routing
-- rules and the funnel's segment breakdown see it whichever way the lead came in. Leads already
-- stored keep what they have (no backfill: updating a million leads would rewrite their rollups).
create table segment_band (
    id           smallint    primary key,
    company_size varchar(20) not null unique
        check (company_size in ('1-10', '11-50', '51-200', '201-1000', '1000+')),
    segment      varchar(60)
);
insert into segment_band (id, company_size, segment) values
    (1, '1-10', 'smb'),
    (2, '11-50', 'smb'),
    (3, '51-200', 'mid-market'),
    (4, '201-1000', 'mid-market'),
    (5, '1000+', 'enterprise');
