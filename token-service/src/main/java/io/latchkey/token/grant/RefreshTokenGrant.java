package io.latchkey.token.grant;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.latchkey.common.Form;
import io.latchkey.common.OAuthParams;
import io.latchkey.common.Scopes;
import io.latchkey.token.client.Client;
import io.latchkey.token.jwt.AccessTokenIssuer;
import io.latchkey.token.refresh.RefreshTokenRotation;
import io.latchkey.token.refresh.RefreshTokens;
import io.latchkey.token.refresh.StoredRefreshToken;
import io.latchkey.token.web.TokenResponse;
import io.smallrye.mutiny.Uni;

/** RFC 6749 §6: a client trades its refresh token for a new access token and (rotation) a new refresh token. */
@ApplicationScoped
public class RefreshTokenGrant implements GrantHandler {

    private final RefreshTokenRotation rotation;
    private final AccessTokenIssuer accessTokens;
    private final RefreshTokens refreshTokens;
    private final TokenMinter minter;

    public RefreshTokenGrant(RefreshTokenRotation rotation, AccessTokenIssuer accessTokens,
                             RefreshTokens refreshTokens, TokenMinter minter) {
        this.rotation = rotation;
        this.accessTokens = accessTokens;
        this.refreshTokens = refreshTokens;
        this.minter = minter;
    }

    /** Counts and logs each issuance (README, "Metrics" and "Logs"). */
    @jakarta.inject.Inject
    io.latchkey.token.metrics.TokenMetrics metrics;

    @Override
    public String grantType() {
        return OAuthParams.GRANT_REFRESH_TOKEN;
    }

    @Override
    public Uni<TokenResponse> handle(Client client, Form form) {
        String refreshToken = form.required(OAuthParams.REFRESH_TOKEN);
        Set<String> requested = Scopes.parse(form.optional(OAuthParams.SCOPE));
        return rotation.rotate(refreshToken, client.clientId(), requested)
                .map(rotated -> respond(rotated.consumed(), requested, rotated.successor()));
    }

    private TokenResponse respond(StoredRefreshToken consumed, Set<String> requested, String successor) {
        // RFC 6749 §6: an omitted scope is treated as equal to the scope originally granted; a narrower one
        // applies to the new access token, while the new refresh token keeps the original scope
        String scope = requested.isEmpty() ? consumed.scope() : Scopes.format(requested);
        AccessTokenIssuer.Minted at = accessTokens.mint(consumed.subject(), consumed.clientId(), scope, consumed.grantId(),
                consumed.familyId());
        // "last used" on the Authorized apps page counts refreshes too: the rotation statement set it on the family
        metrics.issued(OAuthParams.GRANT_REFRESH_TOKEN, consumed.clientId(), consumed.subject());
        // OIDC Core §12.2: a refresh may return a new ID Token: same iss, sub, aud and auth_time (kept with the
        // family, so no round trip to consent-service), no nonce; only while the scope still has openid
        String idToken = minter.idToken(consumed.subject(), consumed.clientId(), Scopes.parse(scope),
                refreshTokens.identityOf(consumed), at.token());
        return new TokenResponse(at.token(), "Bearer", accessTokens.ttlSeconds(), scope, successor, idToken);
    }
}
