package io.latchkey.gateway.bearer;

import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.jboss.logging.Logger;

import io.latchkey.common.jwt.VerificationKey;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;

/**
 * token-service's signing keys, held in memory: fetched at start-up, again every few minutes, and again when a token
 * names an unknown kid (a rotation) — but at most once per {@code minRefetchMillis}, so that tokens with made-up
 * kids cannot turn the gateway against token-service. Concurrent fetches share one request.
 */
public final class Jwks {

    private static final Logger LOG = Logger.getLogger(Jwks.class);
    /** After a failed fetch, wait this long before trying again (keeps an outage from multiplying requests). */
    private static final long RETRY_AFTER_FAILURE_MILLIS = 500;

    private final Supplier<Future<Buffer>> fetch;
    private final LongSupplier clock;
    private final long minRefetchMillis;

    private volatile Map<String, VerificationKey> keys = Map.of();
    private long lastSuccess = Long.MIN_VALUE / 2;
    private long lastFailure = Long.MIN_VALUE / 2;
    private Future<Void> inFlight;

    /**
     * @param fetch            GETs the JWKS document (token-service {@code /oauth/jwks} over the internal hop)
     * @param clock            milliseconds, monotonic
     * @param minRefetchMillis shortest time between two fetches for unknown kids
     */
    public Jwks(Supplier<Future<Buffer>> fetch, LongSupplier clock, long minRefetchMillis) {
        this.fetch = fetch;
        this.clock = clock;
        this.minRefetchMillis = minRefetchMillis;
    }

    /** The key for {@code kid}; null when token-service does not publish it; failed when the JWKS cannot be had. */
    public Future<VerificationKey> key(String kid) {
        VerificationKey known = keys.get(kid);
        if (known != null) {
            return Future.succeededFuture(known);
        }
        Future<Void> refreshed;
        synchronized (this) {
            long now = clock.getAsLong();
            if (inFlight == null && now - lastFailure < RETRY_AFTER_FAILURE_MILLIS) {
                return Future.failedFuture(new IllegalStateException("JWKS unavailable"));
            }
            if (inFlight == null && lastSuccess > lastFailure && now - lastSuccess < minRefetchMillis) {
                return Future.succeededFuture(null); // fetched a moment ago: the kid really is unknown
            }
            refreshed = refreshLocked();
        }
        return refreshed.map(done -> keys.get(kid));
    }

    /** Fetches the JWKS now (or joins the fetch under way). */
    public Future<Void> refresh() {
        synchronized (this) {
            return refreshLocked();
        }
    }

    /** True once a JWKS has been loaded. */
    public boolean loaded() {
        return !keys.isEmpty();
    }

    private Future<Void> refreshLocked() {
        if (inFlight != null) {
            return inFlight;
        }
        Promise<Void> promise = Promise.promise();
        inFlight = promise.future();
        Future<Buffer> fetched;
        try {
            fetched = fetch.get();
        } catch (RuntimeException e) {
            fetched = Future.failedFuture(e);
        }
        fetched.map(JwkParser::parse).onComplete(result -> {
            synchronized (this) {
                inFlight = null;
                if (result.succeeded()) {
                    keys = Map.copyOf(result.result());
                    lastSuccess = clock.getAsLong();
                } else {
                    lastFailure = clock.getAsLong();
                    LOG.warnf("Could not fetch the JWKS: %s", result.cause().toString());
                }
            }
            if (result.succeeded()) {
                promise.complete();
            } else {
                promise.fail(result.cause());
            }
        });
        return promise.future();
    }
}
