-- OpenID Connect (issue 16).
-- The sign-in a refresh-token family was issued for (JSON: auth_time and the user's claims, never a nonce), so a
-- refresh can mint a new ID Token (OIDC Core §12.2) without asking consent-service. Null for families without openid.
ALTER TABLE refresh_tokens ADD COLUMN identity TEXT;

-- OIDC Core §11: refresh tokens for user grants only when the client asks for offline_access, unless this flag says
-- the client gets them without asking. TRUE for every client registered before OpenID Connect (and the default, so
-- clients inserted without it keep today's behaviour); an operator sets it FALSE to require offline_access.
ALTER TABLE clients ADD COLUMN refresh_without_offline_access BOOLEAN NOT NULL DEFAULT TRUE;

-- OpenID Connect RP-Initiated Logout 1.0 §3: the post_logout_redirect_uri values a client registered (exact match).
ALTER TABLE clients ADD COLUMN post_logout_redirect_uris TEXT[] NOT NULL DEFAULT '{}';
