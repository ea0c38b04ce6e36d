package io.latchkey.token.revocation;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.latchkey.common.error.OAuthError;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Revoking a grant (a user's consent to an app): PostgreSQL remembers it for good and kills its refresh tokens;
 * Redis carries it to introspection (a key per grant) and to every gateway replica (an index to load at start-up
 * and a pub/sub channel that pushes it at once). See docs/internal-api.md, "Grant revocation".
 */
@ApplicationScoped
public class GrantRevocation {

    /** Redis: the per-grant key, the index of live entries, and the channel every gateway subscribes to. */
    public static final String KEY = "revoked-grant:";
    public static final String INDEX = "revoked-grants:index";
    public static final String CHANNEL = "revoked-grants";

    /**
     * One atomic round trip. KEYS: the grant key, the index. ARGV: grant id, entry lifetime (ms), now (ms), channel.
     * Entries past their expiry are trimmed from the index, and the index itself lives as long as its newest entry.
     */
    private static final String PUBLISH = """
            local expiry = tonumber(ARGV[3]) + tonumber(ARGV[2])
            redis.call('SET', KEYS[1], '1', 'PX', ARGV[2])
            redis.call('ZADD', KEYS[2], expiry, ARGV[1])
            redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', '(' .. ARGV[3])
            redis.call('PEXPIRE', KEYS[2], ARGV[2])
            return redis.call('PUBLISH', ARGV[4], ARGV[1])""";

    /** Marks the grant's live refresh tokens revoked when the grant is revoked; answers whether it is. */
    private static final String REVOKED_CHECK = """
            WITH revoked AS (SELECT 1 FROM token.revoked_grants WHERE grant_id = $1),
                 killed AS (UPDATE token.refresh_tokens SET revoked_at = now()
                            WHERE grant_id = $1 AND revoked_at IS NULL AND EXISTS (SELECT 1 FROM revoked))
            SELECT EXISTS (SELECT 1 FROM revoked) AS revoked""";

    private final Pool pool;
    private final ReactiveRedisDataSource redis;
    private final String prefix;
    private final long entryTtlMillis;

    public GrantRevocation(Pool pool, ReactiveRedisDataSource redis,
                           @ConfigProperty(name = "latchkey.redis.key-prefix") String prefix,
                           @ConfigProperty(name = "latchkey.token.access-ttl") Duration accessTtl) {
        this.pool = pool;
        this.redis = redis;
        this.prefix = prefix;
        // an entry must outlive every access token minted before the revoke, with a minute to spare for clock skew
        this.entryTtlMillis = accessTtl.plusSeconds(60).toMillis();
    }

    /** Idempotent: revoking twice republishes, which is harmless. */
    public Uni<Void> revoke(String grantId) {
        // the row first, then the tokens: a mint that inserted a refresh token before this row existed is caught
        // by the UPDATE; one that inserts after it sees the row in refuseIfRevoked (write, then check)
        return pool.preparedQuery("INSERT INTO token.revoked_grants (grant_id, revoked_at) VALUES ($1, now()) "
                        + "ON CONFLICT (grant_id) DO NOTHING")
                .execute(Tuple.of(grantId))
                .chain(() -> pool.preparedQuery("UPDATE token.refresh_tokens SET revoked_at = now() "
                                + "WHERE grant_id = $1 AND revoked_at IS NULL")
                        .execute(Tuple.of(grantId)))
                .chain(() -> redis.execute("EVAL", PUBLISH, "2", prefix + KEY + grantId, prefix + INDEX, grantId,
                        String.valueOf(entryTtlMillis), String.valueOf(System.currentTimeMillis()), prefix + CHANNEL))
                .replaceWithVoid();
    }

    /**
     * Fails with {@code invalid_grant} when the grant is revoked. Call it after writing a refresh token for the grant:
     * a revoke racing with the mint then either sees the token or is seen here, and the token dies either way.
     */
    public Uni<Void> refuseIfRevoked(String grantId) {
        return pool.preparedQuery(REVOKED_CHECK).execute(Tuple.of(grantId))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    if (Boolean.TRUE.equals(row.getBoolean("revoked"))) {
                        throw OAuthError.INVALID_GRANT.with("The user has revoked this authorization.");
                    }
                    return null;
                });
    }
}
