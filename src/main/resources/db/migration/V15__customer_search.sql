-- Accounts and contacts get lists, pages and the search box: trigram indexes for the text search
-- (account name and domain; contact name, e-mail and phone; deal name) and the list orders.
create index account_search_idx on account using gin (
    (name || ' ' || coalesce(domain, '')) gin_trgm_ops);
create index contact_search_idx on contact using gin (
    (coalesce(first_name, '') || ' ' || last_name || ' ' || coalesce(email, '') || ' ' || coalesce(phone, '')) gin_trgm_ops);
create index deal_search_idx on deal using gin (name gin_trgm_ops);
create index account_name_order_idx on account (lower(name), id);
create index account_created_order_idx on account (created_at desc, id desc);
create index contact_name_order_idx on contact (lower(last_name), id);
create index contact_created_order_idx on contact (created_at desc, id desc);
