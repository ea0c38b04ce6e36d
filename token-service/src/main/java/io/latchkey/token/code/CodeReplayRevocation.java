package io.latchkey.token.code;

import java.util.HexFormat;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.latchkey.token.refresh.RefreshTokenRepository;
import io.latchkey.token.revocation.AccessTokenDenial;
import io.latchkey.token.revocation.FamilyRevocation;
import io.smallrye.mutiny.Uni;

/**
 * RFC 6749 §4.1.2: when a code is presented twice, the tokens its first redemption issued are revoked: the whole
 * refresh-token family (every rotation of it, and the access tokens issued under it) and the first access token by
 * its {@code jti}, until it would have expired anyway. Both recorded in PostgreSQL first.
 */
@ApplicationScoped
public class CodeReplayRevocation {

    private static final Logger LOG = Logger.getLogger(CodeReplayRevocation.class);

    private final RefreshTokenRepository refreshTokens;
    private final FamilyRevocation families;
    private final AccessTokenDenial accessTokens;

    public CodeReplayRevocation(RefreshTokenRepository refreshTokens, FamilyRevocation families,
                                AccessTokenDenial accessTokens) {
        this.refreshTokens = refreshTokens;
        this.families = families;
        this.accessTokens = accessTokens;
    }

    public Uni<Void> revoke(IssuedTokens first) {
        LOG.warnf("Authorization code presented twice; revoking the tokens of its first redemption (jti %s)", first.jti());
        return revokeRefreshFamily(first.refreshTokenHash())
                .chain(() -> accessTokens.deny(first.jti(), first.accessExpiresAt()));
    }

    private Uni<Void> revokeRefreshFamily(String refreshTokenHashHex) {
        if (refreshTokenHashHex == null) {
            return Uni.createFrom().voidItem();
        }
        return refreshTokens.find(HexFormat.of().parseHex(refreshTokenHashHex))
                .chain(stored -> stored == null ? Uni.createFrom().voidItem()
                        : families.revoke(stored.familyId(), "code_replay").replaceWithVoid());
    }
}
