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
    /** Disabled or deleted clients: client_id → when (epoch ms); the expiry is in {@link #entries} like the others. */
    private final Map<String, Long> clientRevokedAt = new ConcurrentHashMap<>();

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
     * A disabled or deleted client: its tokens issued up to {@code revokedAtMillis} are revoked. Of two revocations of
     * the same client the later one wins (a client disabled, enabled and disabled again).
     */
    public void revokeClient(String clientId, long revokedAtMillis, long expiresAtMillis) {
        clientRevokedAt.merge(clientId, revokedAtMillis, Math::max);
        entries.get(RevocationKind.CLIENT).merge(clientId, expiresAtMillis, Math::max);
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

    /**
     * {@link #revoked(String, String, String)}, or the token's client was disabled or deleted after it was issued
     * ({@code iat} has second precision: a token of the revocation's second counts as issued before it).
     */
    public boolean revoked(String grantId, String familyId, String jti, String clientId, long issuedAtEpochSeconds) {
        if (revoked(grantId, familyId, jti)) {
            return true;
        }
        Long clientRevoked = clientId == null || clientRevokedAt.isEmpty() ? null : clientRevokedAt.get(clientId);
        return clientRevoked != null && issuedAtEpochSeconds * 1000 <= clientRevoked;
    }

    /** Drops entries that can no longer match a live token. */
    public void purgeExpired() {
        long now = epochMillis.getAsLong();
        entries.values().forEach(m -> m.values().removeIf(expiry -> expiry < now));
        clientRevokedAt.keySet().retainAll(entries.get(RevocationKind.CLIENT).keySet());
    }

    public int size() {
        return entries.values().stream().mapToInt(Map::size).sum();
    }
}
