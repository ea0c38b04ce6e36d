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
 *       lifetime (+1 min) after the revocation; the grant id is also published on {@code <prefix>revoked-grants}.</li>
 * </ul>
 * Every key has a TTL: past it, every token it could deny has expired.
 */
@ApplicationScoped
public class DenyListStore {

    private final ReactiveRedisDataSource redis;
    private final ReactiveValueCommands<String, String> values;
    private final String jtiPrefix;
    private final String grantPrefix;
    private final String grantChannel;

    public DenyListStore(ReactiveRedisDataSource redis,
                         @ConfigProperty(name = "latchkey.redis.key-prefix", defaultValue = "lk:") String keyPrefix) {
        this.redis = redis;
        this.values = redis.value(String.class);
        this.jtiPrefix = keyPrefix + "revoked-jti:";
        this.grantPrefix = keyPrefix + "revoked-grant:";
        this.grantChannel = keyPrefix + "revoked-grants";
    }

    public Uni<Void> denyAccessToken(String jti, long ttlSeconds) {
        return values.setex(jtiPrefix + jti, ttlSeconds, "1");
    }

    /** Sets the grant's deny-list key, then tells every subscriber (the gateways) at once. */
    public Uni<Void> denyGrant(String grantId, long revokedAtEpochSeconds, long ttlSeconds) {
        return values.setex(grantPrefix + grantId, ttlSeconds, Long.toString(revokedAtEpochSeconds))
                .chain(() -> redis.pubsub(String.class).publish(grantChannel, grantId));
    }

    /** One round trip: is this token's jti, or its grant, on a deny-list? */
    public Uni<Boolean> isDenied(String jti, String grantId) {
        if (grantId == null) {
            return values.get(jtiPrefix + jti).map(v -> v != null);
        }
        return values.mget(jtiPrefix + jti, grantPrefix + grantId)
                .map(found -> found.values().stream().anyMatch(v -> v != null));
    }

    public String grantChannel() {
        return grantChannel;
    }

    public String grantKey(String grantId) {
        return grantPrefix + grantId;
    }

    public String accessTokenKey(String jti) {
        return jtiPrefix + jti;
    }
}
