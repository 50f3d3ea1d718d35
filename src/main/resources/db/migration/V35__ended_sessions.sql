-- Sessions that end on the server (issue 38): a sign-out, or an admin's change of a person's roles
-- or of their being enabled, ends the Keycloak sessions it names (their "sid"), so a copied session
-- cookie or a token with the old roles stops working at once, on every instance.
create table ended_session (
    sid      varchar(100) primary key,
    ended_at timestamptz  not null
);
create index ended_session_ended_at on ended_session (ended_at);
