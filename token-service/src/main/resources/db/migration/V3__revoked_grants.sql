-- Grants revoked by their user (consent-service asks through POST /internal/grants/{grant_id}/revoke). A revoked
-- grant never mints again: not from a device code approved before the revoke, not from a refresh token.
CREATE TABLE IF NOT EXISTS token.revoked_grants (
    grant_id   TEXT PRIMARY KEY,
    revoked_at TIMESTAMPTZ
);
