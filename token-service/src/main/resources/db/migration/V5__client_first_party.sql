-- An operator marks a public client first-party when it is the operator's own app and may keep remembered
-- consent (RFC 8252 §8.6 / RFC 6749 §10.2: otherwise a public client's identity cannot be verified, so every
-- authorization request shows the consent page). Confidential clients authenticate and need no mark.
ALTER TABLE clients ADD COLUMN first_party BOOLEAN NOT NULL DEFAULT FALSE;
