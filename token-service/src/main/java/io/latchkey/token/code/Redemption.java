package io.latchkey.token.code;

/**
 * The outcome of presenting a code at the token endpoint.
 *
 * @param code  what the code stands for, only when {@link Status#FRESH}
 * @param first the tokens of the first redemption, only when {@link Status#REUSED} (may be empty)
 */
public record Redemption(Status status, AuthorizationCode code, IssuedTokens first) {

    public enum Status {
        /** First presentation: the code is now marked redeemed. */
        FRESH,
        /** Presented before (RFC 6749 §4.1.2: the tokens of the first redemption must be revoked). */
        REUSED,
        /** Never issued, or expired. */
        UNKNOWN
    }

    static Redemption fresh(AuthorizationCode code) {
        return new Redemption(Status.FRESH, code, null);
    }

    static Redemption reused(IssuedTokens first) {
        return new Redemption(Status.REUSED, null, first);
    }

    static Redemption unknown() {
        return new Redemption(Status.UNKNOWN, null, null);
    }
}
