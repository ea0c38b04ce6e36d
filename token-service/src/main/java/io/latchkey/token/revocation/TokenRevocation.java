package io.latchkey.token.revocation;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.latchkey.common.OAuthParams;
import io.latchkey.token.client.Client;
import io.latchkey.common.crypto.Secrets;
import io.latchkey.common.jwt.VerifiedAccessToken;
import io.latchkey.token.jwt.AccessTokenCheck;
import io.latchkey.token.refresh.RefreshTokenFormat;
import io.latchkey.token.refresh.RefreshTokenRepository;
import io.smallrye.mutiny.Uni;

/**
 * RFC 7009 token revocation. A refresh token takes its whole family with it, the family's access tokens included
 * (they carry its id in {@code sid}); an access token goes on the jti deny-list until it would have expired. Both
 * are recorded in PostgreSQL first. Tokens that are unknown, expired, not ours, or issued to another client
 * are left alone without telling the caller anything (the endpoint answers 200 either way).
 */
@ApplicationScoped
public class TokenRevocation {

    private static final Logger LOG = Logger.getLogger(TokenRevocation.class);

    private final AccessTokenCheck verifier;
    private final AccessTokenDenial accessTokens;
    private final FamilyRevocation families;
    private final RefreshTokenRepository refreshTokens;

    public TokenRevocation(AccessTokenCheck verifier, AccessTokenDenial accessTokens, FamilyRevocation families,
                           RefreshTokenRepository refreshTokens) {
        this.verifier = verifier;
        this.accessTokens = accessTokens;
        this.families = families;
        this.refreshTokens = refreshTokens;
    }

    public Uni<Void> revoke(String token, String hint, Client caller) {
        // RFC 7009 §2.1: the hint only orders the lookups; if it is wrong, the other kind is tried too
        boolean refreshFirst = !OAuthParams.ACCESS_TOKEN.equals(hint);
        Uni<Boolean> first = refreshFirst ? asRefreshToken(token, caller) : asAccessToken(token, caller);
        return first
                .chain(found -> found ? Uni.createFrom().item(true)
                        : refreshFirst ? asAccessToken(token, caller) : asRefreshToken(token, caller))
                .replaceWithVoid();
    }

    /** True when the value is one of our live access tokens (revoked now if it is the caller's). */
    private Uni<Boolean> asAccessToken(String token, Client caller) {
        long now = Instant.now().getEpochSecond();
        VerifiedAccessToken at = verifier.verify(token, now);
        if (at == null) {
            return Uni.createFrom().item(false);
        }
        // RFC 7009 §2.1: only the client the token was issued to may revoke it
        if (!caller.clientId().equals(at.clientId())) {
            return Uni.createFrom().item(true);
        }
        return accessTokens.deny(at.jti(), at.expiresAt()).replaceWith(true);
    }

    /** True when the value is one of our refresh tokens (its family revoked now if it is the caller's). */
    private Uni<Boolean> asRefreshToken(String token, Client caller) {
        if (!RefreshTokenFormat.plausible(token)) {
            return Uni.createFrom().item(false);
        }
        return refreshTokens.find(Secrets.sha256(token))
                .chain(stored -> {
                    if (stored == null) {
                        return Uni.createFrom().item(false);
                    }
                    // RFC 7009 §2.1: only the client the token was issued to may revoke it
                    if (!caller.clientId().equals(stored.clientId())) {
                        return Uni.createFrom().item(true);
                    }
                    // RFC 7009 §2.1: revoking a refresh token revokes the tokens of the same grant (here: its family,
                    // access tokens included)
                    return families.revoke(stored.familyId(), "revoked")
                            .invoke(n -> LOG.debugf("Refresh token family %s revoked by its client (%d token(s))",
                                    stored.familyId(), n))
                            .replaceWith(true);
                });
    }
}
