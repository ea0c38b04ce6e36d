package io.latchkey.token.revocation;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.latchkey.token.refresh.RefreshTokenRepository;
import io.smallrye.mutiny.Uni;

/**
 * The token-service side of "revoke an app": the grant is recorded as revoked and every refresh token issued
 * under it is revoked (one transaction: the durable record), then the grant id is published in Redis for the
 * gateways (best effort: they also rebuild from the record). Idempotent, so a caller that saw a failure retries.
 */
@ApplicationScoped
public class GrantRevocation {

    public record Revoked(String grantId, Instant revokedAt, int refreshTokensRevoked) {
    }

    private static final Logger LOG = Logger.getLogger(GrantRevocation.class);

    private static final String REVOKED_CHECK =
            "SELECT EXISTS (SELECT 1 FROM token.revoked_grants WHERE grant_id = $1) AS revoked";

    private final io.vertx.mutiny.sqlclient.Pool pool;
    private final RefreshTokenRepository refreshTokens;
    private final RevokedGrantRepository revokedGrants;
    private final DenyListStore denyList;
    private final RevocationWindow window;

    public GrantRevocation(io.vertx.mutiny.sqlclient.Pool pool, RefreshTokenRepository refreshTokens,
                           RevokedGrantRepository revokedGrants, DenyListStore denyList,
                           RevocationWindow window) {
        this.pool = pool;
        this.refreshTokens = refreshTokens;
        this.revokedGrants = revokedGrants;
        this.denyList = denyList;
        this.window = window;
    }

    public Uni<Revoked> revoke(String grantId) {
        Instant now = Instant.now();
        return refreshTokens.inTransaction(conn -> revokedGrants.insert(conn, grantId, now)
                        .chain(revokedAt -> refreshTokens.revokeGrant(conn, grantId, now)
                                .map(n -> new Revoked(grantId, revokedAt, n))))
                // every access token of the grant was issued before revokedAt, so it is dead by then + access-ttl
                .call(r -> denyList.denyGrant(grantId, r.revokedAt().getEpochSecond(),
                        window.forgetSessionAfter(r.revokedAt()).toEpochMilli()))
                .invoke(r -> LOG.infof("Grant %s revoked: %d refresh token(s) revoked", grantId, r.refreshTokensRevoked()));
    }

    /**
     * Fails with {@code invalid_grant} when the grant is revoked: for mints without a refresh token (with one, the
     * refresh-token insert itself refuses a revoked grant in the same round trip). A revoke that lands while a mint
     * is in flight is still caught: the refresh grant checks {@code token.revoked_grants} at every use, and the
     * grant's access tokens are on the deny-list.
     */
    public Uni<Void> refuseIfRevoked(String grantId) {
        return pool.preparedQuery(REVOKED_CHECK).execute(io.vertx.mutiny.sqlclient.Tuple.of(grantId))
                .map(rows -> {
                    if (Boolean.TRUE.equals(rows.iterator().next().getBoolean("revoked"))) {
                        throw io.latchkey.common.error.OAuthError.INVALID_GRANT.with("The user has revoked this authorization.");
                    }
                    return null;
                });
    }
}
