package io.latchkey.token.jwt;

/** The claims of an access token whose signature, algorithm, issuer and expiry have been checked. */
public record VerifiedAccessToken(
        String jti,
        String issuer,
        String subject,
        String audience,
        String clientId,
        String scope,
        String grantId,
        long issuedAt,
        long expiresAt) {

    /** Seconds until it expires (at least 1, as it is not expired yet). */
    public long remainingSeconds(long nowEpochSeconds) {
        return Math.max(1, expiresAt - nowEpochSeconds);
    }
}
