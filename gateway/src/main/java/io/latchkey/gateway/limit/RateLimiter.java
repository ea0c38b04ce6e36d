package io.latchkey.gateway.limit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.latchkey.gateway.config.GatewayServiceConfig;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;

/**
 * Checks a request against its limits with one Redis round trip ({@link GcraScript}), so every gateway replica
 * enforces the same counters. Redis down or slow: the request is let through, the circuit opens ({@link RedisCircuit})
 * and later requests do not wait for Redis until it is tried again.
 */
@ApplicationScoped
public class RateLimiter {

    private static final Logger LOG = Logger.getLogger(RateLimiter.class);
    private static final TimeoutException SLOW = new TimeoutException("Redis did not answer the rate-limit check in time");

    @Inject
    Vertx vertx;

    @Inject
    Redis redis;

    @Inject
    RateLimitConfig config;

    @Inject
    GatewayServiceConfig root;

    private Rates rates;
    private RedisCircuit circuit;
    private long timeoutMillis;

    @PostConstruct
    void init() {
        rates = Rates.of(config);
        circuit = new RedisCircuit(config.circuitOpenFor(), System::nanoTime);
        timeoutMillis = Math.max(1, config.redisTimeout().toMillis());
    }

    /** Opens a Redis connection and loads the script before the first request, so that one does not pay for both. */
    void preload(@Observes StartupEvent ignored) {
        if (!config.enabled()) {
            return;
        }
        GcraScript.SCRIPT.load(redis)
                .onSuccess(loaded -> LOG.debugf("Rate-limit script loaded: %s", loaded))
                .onFailure(t -> LOG.warnf("Could not preload the rate-limit script (it loads on first use): %s", t.toString()));
    }

    public boolean enabled() {
        return config.enabled();
    }

    /**
     * Counts the request in each of {@code limits} that applies: per-IP ones by {@code ip}, per-client ones by
     * {@code clientId} (skipped when the request names no client: the service rejects it, the IP limits count it).
     */
    public Future<Verdict> check(List<Limit> limits, String ip, String clientId) {
        List<Limit> counted = new ArrayList<>(limits.size());
        List<String> keys = new ArrayList<>(limits.size());
        List<Rate> applied = new ArrayList<>(limits.size());
        for (Limit limit : limits) {
            String value = limit.key() == Limit.Key.IP ? ip : clientId;
            if (value != null) {
                counted.add(limit);
                keys.add(key(limit, value));
                applied.add(rates.of(limit, clientId));
            }
        }
        if (counted.isEmpty() || !circuit.allowsCheck()) {
            return Future.succeededFuture(Verdict.ADMITTED);
        }
        return withTimeout(GcraScript.run(redis, keys, applied))
                .map(outcome -> {
                    circuit.succeeded();
                    if (outcome.admitted()) {
                        return Verdict.ADMITTED;
                    }
                    Limit refusedBy = counted.get(outcome.refusedIndex());
                    Verdict verdict = Verdict.refused(refusedBy, outcome.retryAfterMicros());
                    // never the raw IP or client_id: the hashed key names the counter
                    LOG.infof("Rate limit %s (%s) refused a request: key=%s retry_after=%ds", refusedBy.configName(),
                            applied.get(outcome.refusedIndex()), keyHash(keys.get(outcome.refusedIndex())),
                            verdict.retryAfterSeconds());
                    return verdict;
                })
                .otherwise(failure -> {
                    // fail open: an unreachable Redis must not take the platform down with it
                    circuit.failed(failure);
                    return Verdict.ADMITTED;
                });
    }

    private <T> Future<T> withTimeout(Future<T> future) {
        Promise<T> promise = Promise.promise();
        long timer = vertx.setTimer(timeoutMillis, id -> promise.tryFail(SLOW));
        future.onComplete(result -> {
            vertx.cancelTimer(timer);
            if (result.succeeded()) {
                promise.tryComplete(result.result());
            } else {
                promise.tryFail(result.cause());
            }
        });
        return promise.future();
    }

    /**
     * {@code <prefix>{rl}:<limit>:<sha-256 of the IP or client_id>}: no raw address or client_id in Redis. Every
     * counter carries the hash tag {@code {rl}}: one request's counters (per client and per IP) are decided
     * together by one script, which on a Redis Cluster needs them in one slot. So all counters live on one master;
     * one check is one small script, and a master runs far more of those per second than the gateways send.
     */
    String key(Limit limit, String value) {
        return root.redis().keyPrefix() + "{rl}:" + limit.configName() + ":" + sha256Hex(value);
    }

    private static String keyHash(String key) {
        return key.substring(key.lastIndexOf(':') + 1, key.lastIndexOf(':') + 17);
    }

    static String sha256Hex(String value) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(value.getBytes(StandardCharsets.UTF_8)), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
