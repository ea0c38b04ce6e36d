package io.latchkey.consent.partner;

import java.time.Duration;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.latchkey.consent.config.ConsentServiceConfig;
import io.latchkey.consent.redis.RedisKeys;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;

/**
 * A new client secret waits here for its partner to read it, once: {@code <prefix>partner-secret:<application id>}
 * with a short TTL ({@code latchkey.partners.secret-reveal-ttl}), taken with GETDEL. It is never written to
 * PostgreSQL (token-service keeps only its hash) and never logged. Unread before the TTL, it is gone: the partner
 * rotates the secret to get a new one.
 */
@ApplicationScoped
public class RevealOnceSecrets {

    private final ReactiveRedisDataSource redis;
    private final RedisKeys keys;
    private final Duration ttl;

    public RevealOnceSecrets(ReactiveRedisDataSource redis, RedisKeys keys,
                             ConsentServiceConfig config) {
        this.redis = redis;
        this.keys = keys;
        this.ttl = config.partners().secretRevealTtl();
    }

    public Uni<Void> keep(UUID applicationId, String secret) {
        return redis.value(String.class).psetex(key(applicationId), ttl.toMillis(), secret);
    }

    /** Whether a secret is waiting (without reading it). */
    public Uni<Boolean> waiting(UUID applicationId) {
        return redis.key().exists(key(applicationId));
    }

    /** The secret, and it is gone; null when there is none (already shown, or expired). */
    public Uni<String> take(UUID applicationId) {
        return redis.value(String.class).getdel(key(applicationId));
    }

    private String key(UUID applicationId) {
        return keys.key("partner-secret", applicationId.toString());
    }
}
