package io.latchkey.common.jwt;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The claims of an access token whose signature, {@code typ}, algorithm, issuer, audience and lifetime have been
 * checked (RFC 9068 §4). Revocation is the caller's business.
 *
 * @param scope     the {@code scope} claim, empty when the token has none
 * @param grantId   the Latchkey grant ({@code gid}); null for client-credentials tokens
 * @param sessionId the refresh-token family the token was issued under ({@code sid}); null when there is none
 */
public record VerifiedAccessToken(
        String jti,
        String issuer,
        String subject,
        String audience,
        String clientId,
        String scope,
        String grantId,
        String sessionId,
        long issuedAt,
        long expiresAt) {

    public Set<String> scopes() {
        if (scope.isBlank()) {
            return Collections.emptySet();
        }
        return new LinkedHashSet<>(Arrays.asList(scope.trim().split(" +")));
    }

    /** Seconds until it expires (at least 1). */
    public long remainingSeconds(long nowEpochSeconds) {
        return Math.max(1, expiresAt - nowEpochSeconds);
    }
}
