package io.latchkey.token.jwt;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.latchkey.common.jwt.AccessTokenVerifier;
import io.latchkey.common.jwt.TokenRejected;
import io.latchkey.common.jwt.VerifiedAccessToken;

/**
 * Our own access tokens, checked by the shared {@link AccessTokenVerifier} (the gateway's rules exactly) against
 * the in-memory key set: no I/O. Revocation is checked by the caller.
 */
@ApplicationScoped
public class AccessTokenCheck {

    private final SigningKeys keys;
    private final AccessTokenVerifier verifier;

    public AccessTokenCheck(SigningKeys keys,
                            @ConfigProperty(name = "latchkey.issuer") String issuer,
                            @ConfigProperty(name = "latchkey.token.audience") String audience,
                            @ConfigProperty(name = "latchkey.token.clock-leeway", defaultValue = "PT10S") Duration leeway) {
        this.keys = keys;
        this.verifier = new AccessTokenVerifier(issuer, audience, leeway.toSeconds());
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
