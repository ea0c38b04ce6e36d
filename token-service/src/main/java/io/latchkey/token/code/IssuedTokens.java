package io.latchkey.token.code;

/**
 * Enough about the tokens one redemption issued to revoke them later: the access token's {@code jti} and
 * {@code exp} (epoch seconds) and the SHA-256 of the refresh token (hex), each null when there is none.
 */
public record IssuedTokens(String jti, long accessExpiresAt, String refreshTokenHash) {

    public static final IssuedTokens NONE = new IssuedTokens(null, 0, null);
}
