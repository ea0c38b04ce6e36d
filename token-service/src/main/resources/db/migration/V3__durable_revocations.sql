-- The durable record behind the access-token deny-list (docs/internal-api.md, "Revocations"): Redis only carries
-- the news; introspection, revocation and the gateways' rebuilds (GET /internal/revocations) read these tables.

-- RFC 7009 §2.1: one revoked access token, by jti, until it would have expired anyway.
CREATE TABLE revoked_access_tokens (
    jti        TEXT PRIMARY KEY,
    expires_at TIMESTAMPTZ NOT NULL,
    revoked_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX revoked_access_tokens_expiry ON revoked_access_tokens (expires_at);

-- A revoked refresh-token family (RFC 7009 §2.1; reuse, RFC 9700 §4.14.2): the access tokens issued under it carry
-- its id in the sid claim and are inactive for one access-token lifetime (+1 min) after revoked_at.
CREATE TABLE revoked_families (
    family_id  UUID PRIMARY KEY,
    revoked_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    reason     TEXT NOT NULL
);
CREATE INDEX revoked_families_revoked_at ON revoked_families (revoked_at);

-- The rebuild reads recent grant revocations only.
CREATE INDEX revoked_grants_revoked_at ON revoked_grants (revoked_at);
