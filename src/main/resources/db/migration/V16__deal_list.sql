-- The deal list: a rep's or a team's deals by expected close, amount or newest, keyset-paged.
create index deal_owner_close_order_idx on deal (owner_id, coalesce(expected_close, date '9999-12-31'), id);
create index deal_owner_amount_order_idx on deal (owner_id, (-coalesce(amount, -1)), id);
