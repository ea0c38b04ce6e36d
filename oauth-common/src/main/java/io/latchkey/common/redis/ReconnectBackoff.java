package io.latchkey.common.redis;

/**
 * How long a Redis subscriber (the gateway's revocation feed, each service's client-change subscription) waits before
 * it subscribes again after a failure: doubling from {@link #MIN_MILLIS}, capped at {@link #MAX_MILLIS}, back to the
 * minimum after a success. Not thread-safe: one per subscriber, used from its own callbacks.
 * <p>
 * The cap is short on purpose. A gateway is not ready until its revocation feed is live, and when the platform starts
 * together token-service usually comes up after the gateway, so the wait after token-service's first answer is what
 * the gateway's readiness lags by (a 2 s cap cost up to 1.6 s of it). A retry is one Redis connection and at most one
 * GET to the owner; two a second per subscriber are nothing to a recovering Redis or token-service.
 */
public final class ReconnectBackoff {

    public static final long MIN_MILLIS = 100;
    public static final long MAX_MILLIS = 500;

    private long next = MIN_MILLIS;

    /** The delay before the next attempt; the one after it is doubled, up to the cap. */
    public long next() {
        long delay = next;
        next = Math.min(next * 2, MAX_MILLIS);
        return delay;
    }

    /** After a success: the next failure is retried after the minimum again. */
    public void reset() {
        next = MIN_MILLIS;
    }
}
