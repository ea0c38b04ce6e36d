package io.latchkey.gateway.bearer;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import io.latchkey.common.revocation.RevocationKind;

/**
 * Revoked grants, refresh-token families and access tokens (by jti), held in this replica's memory with the time each
 * entry may be forgotten (when every token it could match has expired). Checking a token costs three hash lookups
 * and no I/O.
 */
public final class DenyList {

    private final Map<RevocationKind, Map<String, Long>> entries = new EnumMap<>(RevocationKind.class);
    private final LongSupplier epochMillis;

    public DenyList(LongSupplier epochMillis) {
        this.epochMillis = epochMillis;
        for (RevocationKind kind : RevocationKind.values()) {
            entries.put(kind, new ConcurrentHashMap<>());
        }
    }

    /** Adds an entry, or extends it: of two expiries for the same id the later one wins. */
    public void revoke(RevocationKind kind, String id, long expiresAtMillis) {
        entries.get(kind).merge(id, expiresAtMillis, Math::max);
    }

    /**
     * True when the token's grant ({@code gid}; null for client-credentials tokens), its refresh-token family
     * ({@code sid}; null when it has none) or the token itself ({@code jti}) is revoked.
     */
    public boolean revoked(String grantId, String familyId, String jti) {
        return (grantId != null && entries.get(RevocationKind.GRANT).containsKey(grantId))
                || (familyId != null && entries.get(RevocationKind.FAMILY).containsKey(familyId))
                || entries.get(RevocationKind.JTI).containsKey(jti);
    }

    /** Drops entries that can no longer match a live token. */
    public void purgeExpired() {
        long now = epochMillis.getAsLong();
        entries.values().forEach(m -> m.values().removeIf(expiry -> expiry < now));
    }

    public int size() {
        return entries.values().stream().mapToInt(Map::size).sum();
    }
}
