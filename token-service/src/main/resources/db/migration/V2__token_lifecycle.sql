-- Grants revoked by the user ("revoke an app") or an operator. The durable record behind the Redis deny-list:
-- a refresh under a grant listed here fails, whatever the state of its refresh tokens.
CREATE TABLE revoked_grants (
    grant_id   TEXT PRIMARY KEY,
    revoked_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Why a refresh token was revoked ('reuse', 'revoked', 'grant_revoked'). Rows are kept for the record
-- (RFC 9700 §4.14.2: keep the family relation on record when revoking on reuse).
ALTER TABLE refresh_tokens ADD COLUMN revoked_reason TEXT;
