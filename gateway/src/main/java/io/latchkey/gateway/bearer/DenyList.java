package io.latchkey.gateway.bearer;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Revoked grants and revoked access tokens (by jti), held in this replica's memory with the time each entry may be
 * forgotten (when every token it could match has expired). Checking a token costs two hash lookups and no I/O.
 */
public final class DenyList {

    private final Map<String, Long> grants = new ConcurrentHashMap<>();
    private final Map<String, Long> tokens = new ConcurrentHashMap<>();
    private final LongSupplier epochMillis;

    public DenyList(LongSupplier epochMillis) {
        this.epochMillis = epochMillis;
    }

    public void revokeGrant(String grantId, long expiresAtMillis) {
        grants.merge(grantId, expiresAtMillis, Math::max);
    }

    public void revokeToken(String jti, long expiresAtMillis) {
        tokens.merge(jti, expiresAtMillis, Math::max);
    }

    /** True when the grant (may be null: client-credentials tokens have none) or the token is revoked. */
    public boolean revoked(String grantId, String jti) {
        return (grantId != null && grants.containsKey(grantId)) || tokens.containsKey(jti);
    }

    /** Drops entries that can no longer match a live token. */
    public void purgeExpired() {
        long now = epochMillis.getAsLong();
        grants.values().removeIf(expiry -> expiry < now);
        tokens.values().removeIf(expiry -> expiry < now);
    }

    public int size() {
        return grants.size() + tokens.size();
    }
}
