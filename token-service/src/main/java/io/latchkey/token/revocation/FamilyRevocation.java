package io.latchkey.token.revocation;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.latchkey.token.refresh.RefreshTokenRepository;
import io.smallrye.mutiny.Uni;

/**
 * Revokes a refresh-token family and, with it, every access token issued under it (they carry the family id in
 * {@code sid}): RFC 7009 §2.1 (revoking a refresh token SHOULD revoke its access tokens), RFC 9700 §4.14.2 (reuse).
 * PostgreSQL first (the durable record), then the news in Redis for the gateways.
 */
@ApplicationScoped
public class FamilyRevocation {

    private final RefreshTokenRepository refreshTokens;
    private final DenyListStore denyList;
    private final RevocationWindow window;

    public FamilyRevocation(RefreshTokenRepository refreshTokens, DenyListStore denyList, RevocationWindow window) {
        this.refreshTokens = refreshTokens;
        this.denyList = denyList;
        this.window = window;
    }

    /** The number of refresh tokens this call revoked (0 when the family was already revoked, or is unknown). */
    public Uni<Integer> revoke(UUID familyId, String reason) {
        return revokeUnder(familyId, null, reason)
                .map(r -> r == null ? 0 : r.refreshTokensRevoked());
    }

    /**
     * Revokes a family only if it is under {@code grantId} (null: any grant), exactly like an RFC 7009 refresh-token
     * revocation: recorded first, then announced. Null when there is no such family. Idempotent: a second call keeps
     * the first revocation time and announces it again.
     */
    public Uni<RefreshTokenRepository.FamilyRevoked> revokeUnder(UUID familyId, String grantId, String reason) {
        return refreshTokens.revokeFamily(familyId, grantId, reason, Instant.now())
                .call(r -> r == null ? Uni.createFrom().voidItem()
                        : denyList.denyFamily(familyId.toString(), window.forgetSessionAfter(r.revokedAt()).toEpochMilli()));
    }
}
