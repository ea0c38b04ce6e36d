package io.latchkey.token.revocation;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.latchkey.token.config.TokenServiceConfig;


/**
 * How long a revocation must be remembered: until every access token it could deny has expired. A grant or family
 * revoked at {@code t} can only have tokens issued before {@code t}, dead by {@code t + access-ttl}; a single token is
 * dead at its {@code exp}. Both get {@link #SLACK} on top (the verifiers' clock leeway and clock skew between replicas).
 */
@ApplicationScoped
public class RevocationWindow {

    /** Beyond any configured clock leeway (the default is 10 s). */
    public static final Duration SLACK = Duration.ofMinutes(1);

    private final Duration accessTtl;

    public RevocationWindow(TokenServiceConfig config) {
        this.accessTtl = config.token().accessTtl();
    }

    /** When a grant or family revoked at {@code revokedAt} can no longer match a live token. */
    public Instant forgetSessionAfter(Instant revokedAt) {
        return revokedAt.plus(accessTtl).plus(SLACK);
    }

    /** The oldest grant or family revocation still relevant at {@code now}. */
    public Instant oldestRelevantSession(Instant now) {
        return now.minus(accessTtl).minus(SLACK);
    }

    /** When a revoked token that expires at {@code exp} can no longer be accepted anywhere. */
    public Instant forgetTokenAfter(Instant exp) {
        return exp.plus(SLACK);
    }

    /** Redis TTL (ms) for an entry kept until {@code until}; at least 1 ms. */
    public static long millisUntil(Instant until) {
        return Math.max(1, until.toEpochMilli() - System.currentTimeMillis());
    }
}
