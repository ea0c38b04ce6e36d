-- Issue 12: users get the operator role (only operators may ever be granted scope "admin"), and the audit trail
-- records every admin action: who (actor: a user id or a client_id), what (action = kind), when, from where (ip).
ALTER TABLE consent.users ADD COLUMN operator boolean NOT NULL DEFAULT false;
CREATE INDEX users_created ON consent.users (created_at, id);

ALTER TABLE consent.audit_events DROP CONSTRAINT audit_events_action_check;
ALTER TABLE consent.audit_events ALTER COLUMN action TYPE varchar(64);
ALTER TABLE consent.audit_events ADD CONSTRAINT audit_events_action_shape CHECK (action ~ '^[a-z][a-z0-9_.]{0,63}$');
-- admin events need not concern one user or one client
ALTER TABLE consent.audit_events ALTER COLUMN user_id DROP NOT NULL;
ALTER TABLE consent.audit_events ALTER COLUMN client_id DROP NOT NULL;
ALTER TABLE consent.audit_events ADD COLUMN actor varchar(200);
-- a small JSON object (validated, at most 4 KiB) with the action's details; never a secret
ALTER TABLE consent.audit_events ADD COLUMN detail text;
CREATE INDEX audit_events_at ON consent.audit_events (at DESC, id DESC);
CREATE INDEX audit_events_client_at ON consent.audit_events (client_id, at DESC);
CREATE INDEX audit_events_action_at ON consent.audit_events (action, at DESC);
