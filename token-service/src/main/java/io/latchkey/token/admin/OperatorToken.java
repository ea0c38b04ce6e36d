package io.latchkey.token.admin;

import java.security.MessageDigest;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.latchkey.common.error.OAuthError;
import io.latchkey.common.error.OAuthException;
import io.latchkey.token.client.Secrets;

/**
 * Guards operator routes ({@code /admin/...}) with the bearer token from {@code latchkey.admin.token} (required in
 * production). Only its hash is kept; tokens are compared as fixed-length hashes in constant time.
 */
@ApplicationScoped
public class OperatorToken {

    private static final String REALM = "Bearer realm=\"latchkey-admin\"";

    private final byte[] expectedHash;

    public OperatorToken(@ConfigProperty(name = "latchkey.admin.token") String token) {
        if (token == null || token.isBlank()) {
            throw new IllegalStateException("latchkey.admin.token must be set");
        }
        this.expectedHash = Secrets.sha256(token);
    }

    /** Throws 401 unless the Authorization header carries the operator token. */
    public void check(String authorization) {
        // RFC 6750 §3: a request without credentials gets the challenge and no error code
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw unauthorized(REALM);
        }
        byte[] presented = Secrets.sha256(authorization.substring(7).trim());
        if (!MessageDigest.isEqual(presented, expectedHash)) {
            throw unauthorized(REALM + ", error=\"invalid_token\"");
        }
    }

    private static OAuthException unauthorized(String challenge) {
        return OAuthError.INVALID_TOKEN.with("Operator token required.").withChallenge(challenge);
    }
}
