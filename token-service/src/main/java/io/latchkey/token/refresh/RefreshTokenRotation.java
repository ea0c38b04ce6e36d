package io.latchkey.token.refresh;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.latchkey.common.Scopes;
import io.latchkey.common.error.OAuthError;
import io.latchkey.common.crypto.Secrets;
import io.latchkey.token.config.TokenServiceConfig;
import io.latchkey.token.revocation.FamilyRevocation;
import io.smallrye.mutiny.Uni;

/**
 * Refresh-token rotation with reuse detection (RFC 6749 §6, RFC 9700 §4.14.2). Every use consumes the token and
 * issues its successor in the same family. By default there is no grace period: a token that was already rotated —
 * even a millisecond ago by a concurrent request — counts as reused, and reuse revokes the whole family. With
 * {@code latchkey.token.refresh-reuse-interval} above zero, the same client presenting the just-rotated token again
 * within that interval gets another successor in the same family instead; past it, it is reuse.
 */
@ApplicationScoped
public class RefreshTokenRotation {

    /** The consumed token and the successor that replaces it. */
    public record Rotated(StoredRefreshToken consumed, String successor) {
    }

    private static final Logger LOG = Logger.getLogger(RefreshTokenRotation.class);

    private final RefreshTokenRepository repository;
    private final FamilyRevocation families;
    private final Duration idleTtl;
    private final Duration reuseInterval;

    public RefreshTokenRotation(RefreshTokenRepository repository, FamilyRevocation families,
                                TokenServiceConfig config) {
        this.repository = repository;
        this.families = families;
        this.idleTtl = config.token().refreshIdleTtl();
        Duration reuseInterval = config.token().refreshReuseInterval();
        this.reuseInterval = reuseInterval.isNegative() ? Duration.ZERO : reuseInterval;
    }

    /**
     * One PostgreSQL round trip when the token is good ({@link RefreshTokenRepository#ROTATE}); only a refused
     * rotation reads the token again to tell why (reuse, the reuse interval, expiry, scope).
     *
     * @param requested the scope asked for, empty for "the same as before"; checked in the same statement, before the
     *                  token is consumed, so a bad request does not burn a good token
     */
    public Uni<Rotated> rotate(String presented, String clientId, Set<String> requested) {
        byte[] hash = Secrets.sha256(presented);
        String successor = Secrets.random(32);
        Instant now = Instant.now();
        // RFC 9700 §4.14.2: refresh tokens expire after inactivity and at the end of their absolute lifetime
        return repository.rotate(hash, clientId, requested, Secrets.sha256(successor), now, now.plus(idleTtl))
                .chain(consumed -> consumed != null
                        ? Uni.createFrom().item(new Rotated(consumed, successor))
                        : repository.find(hash).chain(stored -> refused(stored, hash, clientId, requested)));
    }

    /** Why the rotation statement consumed nothing, in the order the checks apply. */
    private Uni<Rotated> refused(StoredRefreshToken stored, byte[] hash, String clientId, Set<String> requested) {
        Instant now = Instant.now();
        if (stored == null) {
            throw invalidGrant();
        }
        // RFC 6749 §6: the refresh token is bound to the client it was issued to
        if (!stored.clientId().equals(clientId)) {
            throw invalidGrant();
        }
        boolean rotatedAndAlive = stored.rotatedAt() != null && stored.revokedAt() == null && !stored.familyRevoked();
        // RFC 9700 §4.14.2 / RFC 6749 §10.4: a rotated token presented again by its own client within the configured
        // reuse interval is a client that lost its answer (or raced itself, and lost), not a leak: it gets another
        // successor
        if (rotatedAndAlive && withinReuseInterval(stored, now) && now.isBefore(stored.familyExpiresAt())) {
            checkScope(stored, requested);
            return reissue(hash, clientId);
        }
        // RFC 9700 §4.14.2: a rotated token presented again means it leaked; revoke the family
        if (rotatedAndAlive) {
            return reuseDetected(stored);
        }
        // RFC 9700 §4.14.2: refresh tokens expire after inactivity and at the end of their absolute lifetime
        if (!stored.live(now)) {
            throw invalidGrant();
        }
        checkScope(stored, requested);
        // live and in scope, yet not rotated: it expired or was revoked between the statement and the read
        throw invalidGrant();
    }

    private static void checkScope(StoredRefreshToken stored, Set<String> requested) {
        // RFC 6749 §6: the requested scope MUST NOT include any scope not originally granted
        if (!Scopes.parse(stored.scope()).containsAll(requested)) {
            throw OAuthError.INVALID_SCOPE.with("The requested scope exceeds the scope originally granted.");
        }
    }

    /**
     * Within the reuse interval: another successor in the same family for the just-rotated token, by one conditional
     * INSERT. Nothing issued means the family died or the interval ran out in between: then it is reuse as usual.
     */
    private Uni<Rotated> reissue(byte[] hash, String clientId) {
        String successor = Secrets.random(32);
        Instant now = Instant.now();
        return repository.insertReuseSuccessor(hash, clientId, Secrets.sha256(successor), now,
                        now.minus(reuseInterval), now.plus(idleTtl))
                .chain(parent -> parent != null
                        ? Uni.createFrom().item(new Rotated(parent, successor))
                        : repository.find(hash).chain(stored -> stored != null && stored.rotatedAt() != null
                                && stored.clientId().equals(clientId)
                                ? reuseDetected(stored)
                                : Uni.createFrom().<Rotated>failure(invalidGrant())));
    }

    private boolean withinReuseInterval(StoredRefreshToken stored, Instant now) {
        return !reuseInterval.isZero() && !now.isAfter(stored.rotatedAt().plus(reuseInterval));
    }

    private <T> Uni<T> reuseDetected(StoredRefreshToken stored) {
        // RFC 9700 §4.14.2: the whole family, its access tokens included (they carry its id in sid)
        return families.revoke(stored.familyId(), "reuse")
                .invoke(n -> {
                    if (n > 0) {
                        LOG.warnf("Refresh token reuse in family %s (client %s): revoked %d token(s)",
                                stored.familyId(), stored.clientId(), n);
                    }
                })
                .chain(n -> Uni.createFrom().failure(invalidGrant()));
    }

    private static RuntimeException invalidGrant() {
        return OAuthError.INVALID_GRANT.with("The refresh token is invalid, expired or revoked.");
    }
}
