package io.latchkey.token.revocation;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.latchkey.common.redis.RedisScript;
import io.latchkey.common.contract.RevocationNews;
import io.latchkey.common.revocation.RevocationKind;
import io.latchkey.token.config.TokenServiceConfig;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;

/**
 * The news of a revocation, in Redis, written after the durable record in PostgreSQL
 * ({@link RevocationRepository}, {@link RevokedGrantRepository}). Per kind (docs/internal-api.md, "Revocations"):
 * <ul>
 *   <li>{@code <prefix>{revoked-jti}:<jti>}, {@code <prefix>{revoked-family}:<family_id>},
 *       {@code <prefix>{revoked-grant}:<grant_id>}, {@code <prefix>{revoked-client}:<client_id>} — until every
 *       token the entry could deny has expired;</li>
 *   <li>an index per kind ({@code <prefix>{revoked-jti}.index}, …: sorted sets scored by expiry). An entry and its
 *       index share the kind's hash tag, so the one script that writes both runs on a Redis Cluster too;</li>
 *   <li>a pub/sub channel per kind ({@link RevocationKind#channel}) that every gateway replica follows.</li>
 * </ul>
 * Nothing reads the keys to decide: token-service asks PostgreSQL and the gateways rebuild from
 * {@code GET /internal/revocations}. So a failed write here is logged, not raised: the revocation stands and the
 * gateways catch up when their subscription reconnects.
 */
@ApplicationScoped
public class DenyListStore {

    private static final Logger LOG = Logger.getLogger(DenyListStore.class);

    private final ReactiveRedisDataSource redis;
    /** Counts and logs each revocation (README, "Metrics" and "Logs"). */
    @jakarta.inject.Inject
    io.latchkey.token.metrics.TokenMetrics metrics;
    private final String keyPrefix;

    public DenyListStore(ReactiveRedisDataSource redis, TokenServiceConfig config) {
        this.redis = redis;
        this.keyPrefix = config.redis().keyPrefix();
    }

    /**
     * One atomic round trip: the key, an entry in the index, and a message on the channel (every running gateway
     * adds it to its in-memory list at once). KEYS: key, index. ARGV: value, ttl ms, now ms, channel, message, member.
     */
    private static final RedisScript DENY = new RedisScript("""
            local expiry = tonumber(ARGV[3]) + tonumber(ARGV[2])
            redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
            redis.call('ZADD', KEYS[2], expiry, ARGV[6])
            redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', '(' .. ARGV[3])
            if redis.call('PTTL', KEYS[2]) < tonumber(ARGV[2]) then redis.call('PEXPIRE', KEYS[2], ARGV[2]) end
            return redis.call('PUBLISH', ARGV[4], ARGV[5])""");

    /** RFC 7009 §2.2: one access token, until {@code forgetAfterMillis}. */
    public Uni<Void> denyAccessToken(String jti, long forgetAfterMillis) {
        return deny(RevocationKind.JTI, "revoked-jti", jti, "1", forgetAfterMillis, true);
    }

    /** RFC 7009 §2.1: every access token of a refresh-token family ({@code sid}), until {@code forgetAfterMillis}. */
    public Uni<Void> denyFamily(String familyId, long forgetAfterMillis) {
        return deny(RevocationKind.FAMILY, "revoked-family", familyId, "1", forgetAfterMillis, true);
    }

    /** Every access token of a revoked grant ({@code gid}), until {@code forgetAfterMillis}. */
    public Uni<Void> denyGrant(String grantId, long revokedAtEpochSeconds, long forgetAfterMillis) {
        // the grant message is the bare id (the gateway keeps it for the access-token lifetime + 60 s)
        return deny(RevocationKind.GRANT, "revoked-grant", grantId, Long.toString(revokedAtEpochSeconds),
                forgetAfterMillis, false);
    }

    /**
     * Every access token a disabled or deleted client was issued up to {@code revokedAtMillis}, until
     * {@code forgetAfterMillis}. Message: {@code "<client_id> <revoked_at epoch ms> <expiry epoch ms>"}.
     */
    public Uni<Void> denyClient(String clientId, long revokedAtMillis, long forgetAfterMillis) {
        long now = System.currentTimeMillis();
        long ttlMillis = Math.max(1, forgetAfterMillis - now);
        String message = RevocationNews.client(clientId, revokedAtMillis, now + ttlMillis).message();
        return publish(RevocationKind.CLIENT, "revoked-client", clientId, Long.toString(revokedAtMillis), ttlMillis,
                now, message);
    }

    private Uni<Void> deny(RevocationKind kind, String tag, String id, String value, long forgetAfterMillis,
                           boolean expiryInMessage) {
        metrics.revoked(kind, id);
        long now = System.currentTimeMillis();
        long ttlMillis = Math.max(1, forgetAfterMillis - now);
        String message = (expiryInMessage ? RevocationNews.of(kind, id, now + ttlMillis) : RevocationNews.grant(id)).message();
        return publish(kind, tag, id, value, ttlMillis, now, message);
    }

    private Uni<Void> publish(RevocationKind kind, String tag, String id, String value, long ttlMillis, long now,
                              String message) {
        return DENY.run(redis, 2, entryKey(keyPrefix, tag, id), indexKey(keyPrefix, tag), value,
                        Long.toString(ttlMillis), Long.toString(now), kind.channel(keyPrefix), message, id)
                .replaceWithVoid()
                .onFailure().invoke(e -> LOG.warnf("Revoked %s %s is recorded in PostgreSQL but could not be published "
                        + "to Redis (%s); gateways pick it up when they reconnect", kind.wire(), id, e.toString()))
                .onFailure().recoverWithNull();
    }

    /**
     * {@code <prefix>{<tag>}:<id>}, e.g. {@code lk:{revoked-jti}:<jti>}. The braces are the Redis Cluster hash tag:
     * an entry lands in the same slot as its kind's index ({@link #indexKey}), which the same script writes.
     */
    public static String entryKey(String prefix, String tag, String id) {
        return prefix + "{" + tag + "}:" + id;
    }

    /** {@code <prefix>{<tag>}.index}: never equal to an entry key, whatever the id. */
    public static String indexKey(String prefix, String tag) {
        return prefix + "{" + tag + "}.index";
    }
}
