package io.latchkey.token.revocation;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.smallrye.mutiny.Uni;

/**
 * The access-token deny-lists in Redis, shared with every service that checks access tokens:
 * <ul>
 *   <li>{@code <prefix>revoked-jti:<jti>} — one revoked access token, until it would have expired anyway;</li>
 *   <li>{@code <prefix>revoked-grant:<grant_id>} — every access token of a revoked grant, for one access-token
 *       lifetime (+1 min) after the revocation.</li>
 * </ul>
 * Each kind also has an index ({@code <prefix>revoked-grants:index}, {@code <prefix>revoked-jtis:index}: sorted sets
 * scored by expiry) and a pub/sub channel ({@code <prefix>revoked-grants}, {@code <prefix>revoked-jtis}) that every
 * gateway replica loads and follows, so the gateways check revocation in memory (docs/internal-api.md).
 * Every key has a TTL: past it, every token it could deny has expired.
 */
@ApplicationScoped
public class DenyListStore {

    private final ReactiveRedisDataSource redis;
    private final ReactiveValueCommands<String, String> values;
    private final String jtiPrefix;
    private final String grantPrefix;
    private final String grantChannel;
    private final String grantIndex;
    private final String jtiChannel;
    private final String jtiIndex;

    public DenyListStore(ReactiveRedisDataSource redis,
                         @ConfigProperty(name = "latchkey.redis.key-prefix", defaultValue = "lk:") String keyPrefix) {
        this.redis = redis;
        this.values = redis.value(String.class);
        this.jtiPrefix = keyPrefix + "revoked-jti:";
        this.grantPrefix = keyPrefix + "revoked-grant:";
        this.grantChannel = keyPrefix + "revoked-grants";
        this.grantIndex = keyPrefix + "revoked-grants:index";
        this.jtiChannel = keyPrefix + "revoked-jtis";
        this.jtiIndex = keyPrefix + "revoked-jtis:index";
    }

    /**
     * One atomic round trip: the key (for introspection), an entry in the index (a starting gateway loads the live
     * entries from it), and a message on the channel (every running gateway adds it to its in-memory list at once).
     * KEYS: key, index. ARGV: value, ttl ms, now ms, channel, message, member.
     */
    private static final String DENY = """
            local expiry = tonumber(ARGV[3]) + tonumber(ARGV[2])
            redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
            redis.call('ZADD', KEYS[2], expiry, ARGV[6])
            redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', '(' .. ARGV[3])
            if redis.call('PTTL', KEYS[2]) < tonumber(ARGV[2]) then redis.call('PEXPIRE', KEYS[2], ARGV[2]) end
            return redis.call('PUBLISH', ARGV[4], ARGV[5])""";

    /** RFC 7009 §2.2 / RFC 6749 §4.1.2: one access token, until it would have expired anyway. */
    public Uni<Void> denyAccessToken(String jti, long ttlSeconds) {
        if (jti == null || ttlSeconds <= 0) {
            return Uni.createFrom().voidItem();
        }
        long now = System.currentTimeMillis();
        long ttlMillis = ttlSeconds * 1000;
        return deny(jtiPrefix + jti, jtiIndex, "1", ttlMillis, now, jtiChannel, jti + " " + (now + ttlMillis), jti);
    }

    /** Every access token of a revoked grant, for one access-token lifetime (+1 min). */
    public Uni<Void> denyGrant(String grantId, long revokedAtEpochSeconds, long ttlSeconds) {
        return deny(grantPrefix + grantId, grantIndex, Long.toString(revokedAtEpochSeconds), ttlSeconds * 1000,
                System.currentTimeMillis(), grantChannel, grantId, grantId);
    }

    private Uni<Void> deny(String key, String index, String value, long ttlMillis, long now, String channel,
                           String message, String member) {
        return redis.execute("EVAL", DENY, "2", key, index, value, Long.toString(ttlMillis), Long.toString(now),
                channel, message, member).replaceWithVoid();
    }

    /** One round trip: is this token's jti, or its grant, on a deny-list? */
    public Uni<Boolean> isDenied(String jti, String grantId) {
        if (grantId == null) {
            return values.get(jtiPrefix + jti).map(v -> v != null);
        }
        return values.mget(jtiPrefix + jti, grantPrefix + grantId)
                .map(found -> found.values().stream().anyMatch(v -> v != null));
    }
}
