package io.latchkey.token.code;

import java.util.HexFormat;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * RFC 6749 §4.1.2: when a code is presented twice, the tokens its first redemption issued are revoked: the whole
 * refresh-token family (every rotation of it) and the access token, by its {@code jti} on the deny-list
 * {@code <prefix>revoked-jti:<jti>} until it would have expired anyway.
 */
@ApplicationScoped
public class CodeReplayRevocation {

    private static final Logger LOG = Logger.getLogger(CodeReplayRevocation.class);

    private final Pool pool;
    private final io.latchkey.token.revocation.DenyListStore denyList;

    public CodeReplayRevocation(Pool pool, io.latchkey.token.revocation.DenyListStore denyList) {
        this.pool = pool;
        this.denyList = denyList;
    }

    public Uni<Void> revoke(IssuedTokens first) {
        LOG.warnf("Authorization code presented twice; revoking the tokens of its first redemption (jti %s)", first.jti());
        return revokeRefreshFamily(first.refreshTokenHash())
                .chain(() -> denyAccessToken(first.jti(), first.accessExpiresAt()));
    }

    private Uni<Void> revokeRefreshFamily(String refreshTokenHashHex) {
        if (refreshTokenHashHex == null) {
            return Uni.createFrom().voidItem();
        }
        byte[] hash = HexFormat.of().parseHex(refreshTokenHashHex);
        return pool.preparedQuery("UPDATE token.refresh_tokens SET revoked_at = now() WHERE revoked_at IS NULL "
                        + "AND family_id = (SELECT family_id FROM token.refresh_tokens WHERE token_hash = $1)")
                .execute(Tuple.of(io.vertx.core.buffer.Buffer.buffer(hash)))
                .replaceWithVoid();
    }

    private Uni<Void> denyAccessToken(String jti, long expiresAt) {
        return denyList.denyAccessToken(jti, expiresAt - System.currentTimeMillis() / 1000);
    }
}
