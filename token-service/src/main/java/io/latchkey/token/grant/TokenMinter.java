package io.latchkey.token.grant;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.latchkey.common.Scopes;
import io.latchkey.common.contract.SessionInfo;
import io.latchkey.common.oidc.Identity;
import io.latchkey.common.oidc.OfflineAccess;
import io.latchkey.common.oidc.UserClaims;
import io.latchkey.token.client.Client;
import io.latchkey.token.jwt.AccessTokenIssuer;
import io.latchkey.token.jwt.IdTokenIssuer;
import io.latchkey.token.refresh.RefreshTokens;
import io.latchkey.token.revocation.GrantRevocation;
import io.latchkey.token.web.TokenResponse;
import io.smallrye.mutiny.Uni;

/** Turns an authorized (client, user, scope, grant) into the RFC 6749 §5.1 response every grant answers. */
@ApplicationScoped
public class TokenMinter {

    private final AccessTokenIssuer accessTokens;
    private final IdTokenIssuer idTokens;
    private final RefreshTokens refreshTokens;
    private final GrantRevocation revocation;

    public TokenMinter(AccessTokenIssuer accessTokens, IdTokenIssuer idTokens, RefreshTokens refreshTokens,
                       GrantRevocation revocation) {
        this.accessTokens = accessTokens;
        this.idTokens = idTokens;
        this.refreshTokens = refreshTokens;
        this.revocation = revocation;
    }

    /** A token response with the access token's {@code jti} and {@code exp}, for grants that may revoke it later. */
    public record Issued(TokenResponse response, String jti, long accessExpiresAt) {
    }

    /**
     * Access token, plus a refresh token when the client may have one ({@link #refreshAllowed}), plus an ID Token
     * when the scope has {@code openid} and consent-service vouched for the sign-in ({@code who}); invalid_grant
     * when the user has revoked the grant. Every user grant (device, authorization code) mints through here, so the
     * revocation check is never skipped; a family started here records {@code session} (or null) and its
     * last_used_at in the same statement.
     */
    public Uni<Issued> issueForUser(Client client, String subject, String scope, String grantId, Identity who,
                                    SessionInfo session) {
        Set<String> scopes = Scopes.parse(scope);
        Identity kept = who == null ? null : who.withoutNonce();
        Uni<RefreshTokens.First> refreshToken = refreshAllowed(client, scopes)
                ? refreshTokens.issueFirst(grantId, client.clientId(), subject, scope, kept, session)
                : revocation.refuseIfRevoked(grantId).replaceWith((RefreshTokens.First) null);
        return refreshToken
                .map(rt -> {
                    AccessTokenIssuer.Minted at = accessTokens.mint(subject, client.clientId(), scope, grantId,
                            rt == null ? null : rt.familyId());
                    String idToken = idToken(subject, client.clientId(), scopes, who, at.token());
                    return new Issued(response(at, scope, rt == null ? null : rt.token(), idToken), at.jti(),
                            at.expiresAt());
                });
    }

    public Uni<TokenResponse> forUser(Client client, String subject, String scope, String grantId, Identity who,
                                      SessionInfo session) {
        return issueForUser(client, subject, scope, grantId, who, session).map(Issued::response);
    }

    /** OIDC Core §11: refresh tokens for user grants per {@link OfflineAccess}. */
    public static boolean refreshAllowed(Client client, Set<String> scopes) {
        return OfflineAccess.refreshTokenIssued(client.grantTypes(), client.refreshWithoutOfflineAccess(), scopes);
    }

    /** OIDC Core §3.1.3.3: an ID Token when openid was granted and the sign-in is known; else null. */
    public String idToken(String subject, String clientId, Set<String> scopes, Identity who, String accessToken) {
        return who != null && scopes.contains(UserClaims.OPENID)
                ? idTokens.mint(subject, clientId, scopes, who, accessToken) : null;
    }

    /** RFC 6749 §4.4.3: client credentials get an access token and no refresh token. */
    public TokenResponse forClient(Client client, String scope) {
        return response(accessTokens.mint(client.clientId(), client.clientId(), scope, null, null), scope, null, null);
    }

    private TokenResponse response(AccessTokenIssuer.Minted at, String scope, String refreshToken, String idToken) {
        return new TokenResponse(at.token(), "Bearer", accessTokens.ttlSeconds(), scope, refreshToken, idToken);
    }
}
