-- OAuth clients (partner apps and CLIs). Secrets are stored only as SHA-256 hashes of server-generated,
-- 256-bit secrets (a slow KDF buys nothing against secrets with that much entropy).
CREATE TABLE clients (
    client_id     TEXT PRIMARY KEY,
    client_name   TEXT NOT NULL,
    client_type   TEXT NOT NULL CHECK (client_type IN ('public', 'confidential')),
    secret_hash   BYTEA,
    redirect_uris TEXT[] NOT NULL DEFAULT '{}',
    grant_types   TEXT[] NOT NULL DEFAULT '{}',
    scopes        TEXT[] NOT NULL DEFAULT '{}',
    homepage_uri  TEXT,
    logo_uri      TEXT,
    disabled      BOOLEAN NOT NULL DEFAULT FALSE,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK ((client_type = 'confidential') = (secret_hash IS NOT NULL))
);

-- Signing keys. private_key is AES-256-GCM encrypted (nonce || ciphertext) with a key from the environment.
CREATE TABLE signing_keys (
    kid          TEXT PRIMARY KEY,
    alg          TEXT NOT NULL,
    public_key   BYTEA NOT NULL,
    private_key  BYTEA NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    -- set when a newer key takes over signing; the key stays published until retire_at
    superseded_at TIMESTAMPTZ,
    retire_at    TIMESTAMPTZ
);

-- Refresh tokens: only SHA-256 hashes; a family is every token rotated from one grant's first issue.
CREATE TABLE refresh_tokens (
    token_hash  BYTEA PRIMARY KEY,
    family_id   UUID NOT NULL,
    grant_id    TEXT NOT NULL,
    client_id   TEXT NOT NULL REFERENCES clients (client_id),
    subject     TEXT NOT NULL,
    scope       TEXT NOT NULL,
    issued_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    idle_expires_at TIMESTAMPTZ NOT NULL,
    family_expires_at TIMESTAMPTZ NOT NULL,
    rotated_at  TIMESTAMPTZ,
    revoked_at  TIMESTAMPTZ
);
CREATE INDEX refresh_tokens_family ON refresh_tokens (family_id);
CREATE INDEX refresh_tokens_grant ON refresh_tokens (grant_id);
