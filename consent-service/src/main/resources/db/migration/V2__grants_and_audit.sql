-- A grant is a user's consent to a client for scopes; revoking it ends the client's access.
CREATE TABLE consent.grants (
    id           uuid PRIMARY KEY,
    user_id      uuid         NOT NULL REFERENCES consent.users (id),
    client_id    varchar(200) NOT NULL,
    scopes       text         NOT NULL,
    via          varchar(16)  NOT NULL CHECK (via IN ('device', 'web')),
    created_at   timestamptz  NOT NULL DEFAULT now(),
    last_used_at timestamptz,
    revoked_at   timestamptz
);
-- One active grant per (user, client): approving again merges scopes into it.
CREATE UNIQUE INDEX grants_one_active_per_user_client
    ON consent.grants (user_id, client_id) WHERE revoked_at IS NULL;
CREATE INDEX grants_user ON consent.grants (user_id);

CREATE TABLE consent.audit_events (
    id         uuid PRIMARY KEY,
    at         timestamptz  NOT NULL DEFAULT now(),
    user_id    uuid         NOT NULL,
    client_id  varchar(200) NOT NULL,
    action     varchar(16)  NOT NULL CHECK (action IN ('authorize', 'deny', 'revoke')),
    scopes     text,
    ip         varchar(64),
    user_agent varchar(512),
    grant_id   uuid
);
CREATE INDEX audit_events_user_at ON consent.audit_events (user_id, at DESC);
