package io.latchkey.token.revocation;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.latchkey.common.contract.RevocationNews;
import io.latchkey.common.revocation.RevocationKind;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;

/**
 * The news of a revocation, in Redis, written after the durable record in PostgreSQL
 * ({@link RevocationRepository}, {@link RevokedGrantRepository}). Per kind (docs/internal-api.md, "Revocations"):
 * <ul>
 *   <li>{@code <prefix>revoked-jti:<jti>}, {@code <prefix>revoked-family:<family_id>},
 *       {@code <prefix>revoked-grant:<grant_id>} — until every token the entry could deny has expired;</li>
 *   <li>an index per kind ({@code <prefix>revoked-jtis:index}, {@code -families:index}, {@code -grants:index}: sorted
 *       sets scored by expiry);</li>
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

    public DenyListStore(ReactiveRedisDataSource redis,
                         @ConfigProperty(name = "latchkey.redis.key-prefix", defaultValue = "lk:") String keyPrefix) {
        this.redis = redis;
        this.keyPrefix = keyPrefix;
    }

    /**
     * One atomic round trip: the key, an entry in the index, and a message on the channel (every running gateway
     * adds it to its in-memory list at once). KEYS: key, index. ARGV: value, ttl ms, now ms, channel, message, member.
     */
    private static final String DENY = """
            local expiry = tonumber(ARGV[3]) + tonumber(ARGV[2])
            redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
            redis.call('ZADD', KEYS[2], expiry, ARGV[6])
            redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', '(' .. ARGV[3])
            if redis.call('PTTL', KEYS[2]) < tonumber(ARGV[2]) then redis.call('PEXPIRE', KEYS[2], ARGV[2]) end
            return redis.call('PUBLISH', ARGV[4], ARGV[5])""";

    /** RFC 7009 §2.2: one access token, until {@code forgetAfterMillis}. */
    public Uni<Void> denyAccessToken(String jti, long forgetAfterMillis) {
        return deny(RevocationKind.JTI, "revoked-jti:", "revoked-jtis:index", jti, "1", forgetAfterMillis, true);
    }

    /** RFC 7009 §2.1: every access token of a refresh-token family ({@code sid}), until {@code forgetAfterMillis}. */
    public Uni<Void> denyFamily(String familyId, long forgetAfterMillis) {
        return deny(RevocationKind.FAMILY, "revoked-family:", "revoked-families:index", familyId, "1",
                forgetAfterMillis, true);
    }

    /** Every access token of a revoked grant ({@code gid}), until {@code forgetAfterMillis}. */
    public Uni<Void> denyGrant(String grantId, long revokedAtEpochSeconds, long forgetAfterMillis) {
        // the grant message is the bare id (the gateway keeps it for the access-token lifetime + 60 s)
        return deny(RevocationKind.GRANT, "revoked-grant:", "revoked-grants:index", grantId,
                Long.toString(revokedAtEpochSeconds), forgetAfterMillis, false);
    }

    /**
     * Every access token a disabled or deleted client was issued up to {@code revokedAtMillis}, until
     * {@code forgetAfterMillis}. Message: {@code "<client_id> <revoked_at epoch ms> <expiry epoch ms>"}.
     */
    public Uni<Void> denyClient(String clientId, long revokedAtMillis, long forgetAfterMillis) {
        long now = System.currentTimeMillis();
        long ttlMillis = Math.max(1, forgetAfterMillis - now);
        String message = RevocationNews.client(clientId, revokedAtMillis, now + ttlMillis).message();
        return publish(RevocationKind.CLIENT, "revoked-client:", "revoked-clients:index", clientId,
                Long.toString(revokedAtMillis), ttlMillis, now, message);
    }

    private Uni<Void> deny(RevocationKind kind, String keyPart, String indexPart, String id, String value,
                           long forgetAfterMillis, boolean expiryInMessage) {
        metrics.revoked(kind, id);
        long now = System.currentTimeMillis();
        long ttlMillis = Math.max(1, forgetAfterMillis - now);
        String message = (expiryInMessage ? RevocationNews.of(kind, id, now + ttlMillis) : RevocationNews.grant(id)).message();
        return publish(kind, keyPart, indexPart, id, value, ttlMillis, now, message);
    }

    private Uni<Void> publish(RevocationKind kind, String keyPart, String indexPart, String id, String value,
                              long ttlMillis, long now, String message) {
        return redis.execute("EVAL", DENY, "2", keyPrefix + keyPart + id, keyPrefix + indexPart, value,
                        Long.toString(ttlMillis), Long.toString(now), kind.channel(keyPrefix), message, id)
                .replaceWithVoid()
                .onFailure().invoke(e -> LOG.warnf("Revoked %s %s is recorded in PostgreSQL but could not be published "
                        + "to Redis (%s); gateways pick it up when they reconnect", kind.wire(), id, e.toString()))
                .onFailure().recoverWithNull();
    }
}
