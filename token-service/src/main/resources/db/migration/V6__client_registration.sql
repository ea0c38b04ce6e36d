-- The admin API for clients (issue 12): RFC 7591 metadata that had no column yet, operator clients, secret rotation
-- with an overlap, soft deletion (refresh_tokens keep their client_id reference; a deleted id is never reused).
ALTER TABLE clients ADD COLUMN operator BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE clients ADD COLUMN token_endpoint_auth_method TEXT;
ALTER TABLE clients ADD COLUMN contacts TEXT[] NOT NULL DEFAULT '{}';
ALTER TABLE clients ADD COLUMN owner TEXT;
ALTER TABLE clients ADD COLUMN previous_secret_hash BYTEA;
ALTER TABLE clients ADD COLUMN previous_secret_expires_at TIMESTAMPTZ;
ALTER TABLE clients ADD COLUMN updated_at TIMESTAMPTZ NOT NULL DEFAULT now();
ALTER TABLE clients ADD COLUMN deleted_at TIMESTAMPTZ;
-- Only operator clients can ever hold the admin scope.
ALTER TABLE clients ADD CONSTRAINT clients_admin_only_for_operators CHECK (operator OR NOT ('admin' = ANY (scopes)));
CREATE INDEX clients_owner ON clients (owner) WHERE owner IS NOT NULL;

-- A disabled or deleted client (docs/internal-api.md, "Revocations", kind "client"): every access token with its
-- client_id and iat <= revoked_at is inactive; re-enabling the client does not bring them back.
CREATE TABLE revoked_clients (
    client_id  TEXT PRIMARY KEY,
    revoked_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX revoked_clients_revoked_at ON revoked_clients (revoked_at);
-- Disabling a client revokes its live refresh tokens in one statement.
CREATE INDEX refresh_tokens_live_by_client ON refresh_tokens (client_id) WHERE revoked_at IS NULL;
