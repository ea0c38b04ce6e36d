-- One row per refresh-token family ("session" of an app; its id is the sid of its access tokens), issues 13 and 17.
-- The family row answers "is this family revoked?" in one primary-key probe, however long the family is, holds the
-- durable "last used" time (written by the mint and rotation statements themselves) and where the session started.
CREATE TABLE refresh_families (
    family_id         UUID PRIMARY KEY,
    grant_id          TEXT NOT NULL,
    client_id         TEXT NOT NULL,
    subject           TEXT NOT NULL,
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_used_at      TIMESTAMPTZ,
    user_agent        TEXT CHECK (length(user_agent) <= 512),
    ip                TEXT CHECK (length(ip) <= 45),
    device_name       TEXT CHECK (length(device_name) <= 64),
    family_expires_at TIMESTAMPTZ NOT NULL,
    revoked_at        TIMESTAMPTZ,
    revoked_reason    TEXT
);
CREATE INDEX refresh_families_grant ON refresh_families (grant_id);
CREATE INDEX refresh_families_live_by_client ON refresh_families (client_id) WHERE revoked_at IS NULL;

-- Backfill from the tokens: a family was dead when any of its tokens was revoked, or when it is on record in
-- revoked_families or its grant in revoked_grants (what the lookups checked until now).
INSERT INTO refresh_families (family_id, grant_id, client_id, subject, created_at, last_used_at, family_expires_at,
                              revoked_at, revoked_reason)
SELECT t.family_id, t.grant_id, t.client_id, t.subject, t.created_at, t.last_used_at, t.family_expires_at,
       COALESCE(rf.revoked_at, t.revoked_at, g.revoked_at),
       CASE WHEN rf.revoked_at IS NOT NULL THEN rf.reason
            WHEN t.revoked_at IS NOT NULL THEN t.revoked_reason
            WHEN g.revoked_at IS NOT NULL THEN 'grant_revoked' END
FROM (SELECT family_id, min(grant_id) AS grant_id, min(client_id) AS client_id, min(subject) AS subject,
             min(issued_at) AS created_at, max(issued_at) AS last_used_at, max(family_expires_at) AS family_expires_at,
             min(revoked_at) AS revoked_at,
             (array_agg(revoked_reason ORDER BY revoked_at) FILTER (WHERE revoked_at IS NOT NULL))[1] AS revoked_reason
      FROM refresh_tokens GROUP BY family_id) t
LEFT JOIN revoked_families rf ON rf.family_id = t.family_id
LEFT JOIN revoked_grants g ON g.grant_id = t.grant_id;
