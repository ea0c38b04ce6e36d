-- RFC 7662 §4: the server decides who may introspect. A client always learns about its own tokens; only clients an
-- operator marks here (resource servers) learn about other clients' access tokens.
ALTER TABLE clients ADD COLUMN may_introspect BOOLEAN NOT NULL DEFAULT FALSE;
