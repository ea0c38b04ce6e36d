package io.latchkey.consent.device;

import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.latchkey.common.crypto.Secrets;
import io.latchkey.consent.config.ConsentServiceConfig;
import io.latchkey.consent.redis.Counters;
import io.latchkey.consent.redis.RedisKeys;
import io.smallrye.mutiny.Uni;

/**
 * RFC 8628 §5.1: limits user-code guessing per browser session and per IP with Redis counters. An attempt is
 * counted before the lookup (so parallel guesses cannot race past the limit) and refunded when the code exists.
 */
@ApplicationScoped
public class UserCodeAttempts {

    private final Counters counters;
    private final RedisKeys keys;
    private final int perSession;
    private final int perIp;
    private final Duration window;

    public UserCodeAttempts(Counters counters, RedisKeys keys,
                            ConsentServiceConfig config) {
        this.counters = counters;
        this.keys = keys;
        this.perSession = config.device().userCodeAttemptsPerSession();
        this.perIp = config.device().userCodeAttemptsPerIp();
        this.window = config.device().userCodeAttemptsWindow();
    }

    /** A counted attempt; {@code allowed} is false once either limit is exceeded. */
    public record Attempt(boolean allowed, String sessionKey, String ipKey) {
    }

    public Uni<Attempt> take(String sessionKey, String ip) {
        // one hash tag: both counters are incremented by one script (one Redis Cluster slot)
        String bySession = keys.tagged("user-code-attempts", "session", Secrets.sha256Hex(sessionKey));
        String byIp = keys.tagged("user-code-attempts", "ip", Secrets.sha256Hex(ip));
        return counters.increment(window, bySession, byIp)
                .map(n -> new Attempt(within(n), bySession, byIp));
    }

    /** The code existed: a legitimate user's lookup does not count against the limits. */
    public Uni<Void> refund(Attempt attempt) {
        return counters.refund(attempt.sessionKey(), attempt.ipKey());
    }

    private boolean within(List<Long> counts) {
        return counts.get(0) <= perSession && counts.get(1) <= perIp;
    }
}
