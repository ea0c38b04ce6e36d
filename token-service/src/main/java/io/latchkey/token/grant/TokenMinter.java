package io.latchkey.token.grant;

import jakarta.enterprise.context.ApplicationScoped;

import io.latchkey.common.OAuthParams;
import io.latchkey.token.client.Client;
import io.latchkey.token.jwt.AccessTokenIssuer;
import io.latchkey.token.refresh.RefreshTokens;
import io.latchkey.token.revocation.GrantRevocation;
import io.latchkey.token.usage.GrantUsage;
import io.latchkey.token.web.TokenResponse;
import io.smallrye.mutiny.Uni;

/** Turns an authorized (client, user, scope, grant) into the RFC 6749 §5.1 response every grant answers. */
@ApplicationScoped
public class TokenMinter {

    private final AccessTokenIssuer accessTokens;
    private final RefreshTokens refreshTokens;
    private final GrantRevocation revocation;
    private final GrantUsage usage;

    public TokenMinter(AccessTokenIssuer accessTokens, RefreshTokens refreshTokens, GrantRevocation revocation,
                       GrantUsage usage) {
        this.accessTokens = accessTokens;
        this.refreshTokens = refreshTokens;
        this.revocation = revocation;
        this.usage = usage;
    }

    /** A token response with the access token's {@code jti} and {@code exp}, for grants that may revoke it later. */
    public record Issued(TokenResponse response, String jti, long accessExpiresAt) {
    }

    /**
     * Access token, plus a refresh token when the client is registered for the refresh_token grant; invalid_grant
     * when the user has revoked the grant. Every user grant (device, authorization code) mints through here, so the
     * revocation check and the "last used" record are never skipped.
     */
    public Uni<Issued> issueForUser(Client client, String subject, String scope, String grantId) {
        Uni<RefreshTokens.First> refreshToken = client.allowsGrant(OAuthParams.GRANT_REFRESH_TOKEN)
                ? refreshTokens.issueFirst(grantId, client.clientId(), subject, scope)
                : revocation.refuseIfRevoked(grantId).replaceWith((RefreshTokens.First) null);
        return refreshToken
                .invoke(() -> usage.recordIssued(grantId))
                .map(rt -> {
                    AccessTokenIssuer.Minted at = accessTokens.mint(subject, client.clientId(), scope, grantId,
                            rt == null ? null : rt.familyId());
                    return new Issued(response(at, scope, rt == null ? null : rt.token()), at.jti(), at.expiresAt());
                });
    }

    public Uni<TokenResponse> forUser(Client client, String subject, String scope, String grantId) {
        return issueForUser(client, subject, scope, grantId).map(Issued::response);
    }

    /** RFC 6749 §4.4.3: client credentials get an access token and no refresh token. */
    public TokenResponse forClient(Client client, String scope) {
        return response(accessTokens.mint(client.clientId(), client.clientId(), scope, null, null), scope, null);
    }

    private TokenResponse response(AccessTokenIssuer.Minted at, String scope, String refreshToken) {
        return new TokenResponse(at.token(), "Bearer", accessTokens.ttlSeconds(), scope, refreshToken);
    }
}
