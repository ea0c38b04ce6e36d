package io.latchkey.token.jwt;

import jakarta.enterprise.context.ApplicationScoped;

import io.latchkey.common.jwt.AccessTokenVerifier;
import io.latchkey.common.jwt.TokenRejected;
import io.latchkey.common.jwt.VerifiedAccessToken;
import io.latchkey.token.config.TokenServiceConfig;

/**
 * Our own access tokens, checked by the shared {@link AccessTokenVerifier} (the gateway's rules exactly) against
 * the in-memory key set: no I/O. Revocation is checked by the caller.
 */
@ApplicationScoped
public class AccessTokenCheck {

    private final SigningKeys keys;
    private final AccessTokenVerifier verifier;

    public AccessTokenCheck(SigningKeys keys, TokenServiceConfig config) {
        this.keys = keys;
        this.verifier = new AccessTokenVerifier(config.issuer(), config.token().audience(),
                config.token().clockLeeway().toSeconds());
    }

    /** The verified claims, or null when the value is not one of our valid access tokens (callers never say why). */
    public VerifiedAccessToken verify(String token, long nowEpochSeconds) {
        try {
            return verifier.verify(token, keys::verificationKey, nowEpochSeconds);
        } catch (TokenRejected e) {
            return null;
        }
    }
}
