package io.latchkey.gateway.bearer;

/**
 * How long the revocation feed waits before it subscribes and loads again after a failure: doubling from
 * {@link #MIN_MILLIS}, capped at {@link #MAX_MILLIS}, back to the minimum once live. The cap is short on purpose:
 * the gateway is not ready until the feed is live, and when the platform starts together token-service usually
 * comes up after the gateway, so the wait after token-service's first answer is what the gateway's readiness lags
 * by (a 2 s cap cost up to 1.6 s of it). A retry is one Redis connection and one GET; two a second per gateway is
 * nothing to a recovering Redis or token-service.
 */
final class ReconnectBackoff {

    static final long MIN_MILLIS = 100;
    static final long MAX_MILLIS = 500;

    private long next = MIN_MILLIS;

    /** The delay before the next attempt; the one after it is doubled, up to the cap. */
    long next() {
        long delay = next;
        next = Math.min(next * 2, MAX_MILLIS);
        return delay;
    }

    /** After a success: the next failure is retried after the minimum again. */
    void reset() {
        next = MIN_MILLIS;
    }
}
