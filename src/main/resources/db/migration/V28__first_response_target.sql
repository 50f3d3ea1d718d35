-- One first-response target, set by an administrator on the settings page, for a rep's Today page
-- and the funnel's team table alike (before, two settings of the run command: 1 h and 4 h).
alter table report_setting
    add column first_response_minutes integer not null default 60
        check (first_response_minutes between 1 and 10080);
