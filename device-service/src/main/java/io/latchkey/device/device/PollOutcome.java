package io.latchkey.device.device;

/** What one poll of the token endpoint found (RFC 8628 §3.5). */
public record PollOutcome(Kind kind, int interval, String subject, String grantId, String scope,
                          io.latchkey.common.oidc.Identity identity,
                          /* where the device asked from (docs/internal-api.md, "Sessions"): sent with the mint */
                          io.latchkey.common.contract.SessionInfo session) {

    public PollOutcome(Kind kind, int interval, String subject, String grantId, String scope) {
        this(kind, interval, subject, grantId, scope, null, null);
    }

    public enum Kind {
        /** Approved and consumed by this poll: mint tokens. */
        APPROVED,
        PENDING,
        SLOW_DOWN,
        DENIED,
        EXPIRED,
        /** Unknown code, another client's code, or already consumed. */
        INVALID_GRANT,
        /** The code belongs to a confidential client that did not authenticate. */
        CLIENT_AUTH_REQUIRED
    }

    public static final PollOutcome PENDING = new PollOutcome(Kind.PENDING, 0, null, null, null);
    public static final PollOutcome DENIED = new PollOutcome(Kind.DENIED, 0, null, null, null);
    public static final PollOutcome EXPIRED = new PollOutcome(Kind.EXPIRED, 0, null, null, null);
    public static final PollOutcome INVALID_GRANT = new PollOutcome(Kind.INVALID_GRANT, 0, null, null, null);
    public static final PollOutcome CLIENT_AUTH_REQUIRED =
            new PollOutcome(Kind.CLIENT_AUTH_REQUIRED, 0, null, null, null);

    public static PollOutcome slowDown(int newInterval) {
        return new PollOutcome(Kind.SLOW_DOWN, newInterval, null, null, null);
    }

    public static PollOutcome approved(String subject, String grantId, String scope,
                                       io.latchkey.common.oidc.Identity identity,
                                       io.latchkey.common.contract.SessionInfo session) {
        return new PollOutcome(Kind.APPROVED, 0, subject, grantId, scope, identity, session);
    }
}
