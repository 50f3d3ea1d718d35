-- The board shows at most 50 cards a column, by expected close (none last), then amount (largest
-- first), then id; "show more" pages on from the last card shown. This index serves both per rep.
create index deal_board_idx on deal (
    owner_id, stage_id, coalesce(expected_close, date '9999-12-31'), (-coalesce(amount, -1)), id)
    where status = 'open';
