package io.latchkey.common.oidc;

import java.util.Collection;

import io.latchkey.common.OAuthParams;

/**
 * OIDC Core §11: when a user grant comes with a refresh token (access while the user is away). token-service applies
 * it when minting; consent-service to tell the user so on the consent page.
 */
public final class OfflineAccess {

    private OfflineAccess() {
    }

    /**
     * Only for clients registered for refresh_token, and only when the client asked for offline_access or is
     * registered to get refresh tokens without asking ({@code refresh_without_offline_access}: every client
     * registered before OpenID Connect, so their flows keep working).
     */
    public static boolean refreshTokenIssued(Collection<String> grantTypes, boolean refreshWithoutOfflineAccess,
                                             Collection<String> scopes) {
        return grantTypes != null && grantTypes.contains(OAuthParams.GRANT_REFRESH_TOKEN)
                && (scopes.contains(UserClaims.OFFLINE_ACCESS) || refreshWithoutOfflineAccess);
    }
}
