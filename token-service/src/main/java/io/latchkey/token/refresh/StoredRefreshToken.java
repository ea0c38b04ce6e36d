package io.latchkey.token.refresh;

import java.time.Instant;
import java.util.UUID;

/**
 * A refresh token as stored (never the token itself, only facts about it).
 *
 * @param familyRevoked true when any token of the family was revoked, or the grant was: the family is dead
 * @param identity      the sign-in the family was issued for (JSON {@link io.latchkey.common.oidc.Identity}), or null
 */
public record StoredRefreshToken(
        UUID familyId,
        String grantId,
        String clientId,
        String subject,
        String scope,
        Instant issuedAt,
        Instant idleExpiresAt,
        Instant familyExpiresAt,
        Instant rotatedAt,
        Instant revokedAt,
        boolean familyRevoked,
        String identity) {

    /** When it stops working on its own: the earlier of its idle and absolute expiry. */
    public Instant expiresAt() {
        return idleExpiresAt.isBefore(familyExpiresAt) ? idleExpiresAt : familyExpiresAt;
    }

    public boolean expired(Instant now) {
        return !now.isBefore(expiresAt());
    }

    /** Usable right now: not rotated, not revoked (nor its family or grant), not expired. */
    public boolean live(Instant now) {
        return rotatedAt == null && revokedAt == null && !familyRevoked && !expired(now);
    }
}
