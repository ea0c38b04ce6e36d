package io.latchkey.token.client;

import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The public face of a client on the internal API (docs/internal-api.md): everything but the secret. */
public record ClientView(
        @JsonProperty("client_id") String clientId,
        @JsonProperty("client_name") String clientName,
        @JsonProperty("client_type") String clientType,
        @JsonProperty("redirect_uris") List<String> redirectUris,
        @JsonProperty("grant_types") Set<String> grantTypes,
        @JsonProperty("scopes") Set<String> scopes,
        @JsonProperty("homepage_uri") String homepageUri,
        @JsonProperty("logo_uri") String logoUri,
        @JsonProperty("first_party") boolean firstParty,
        // OIDC Core §11: refresh tokens without offline_access (consent-service tells the user)
        @JsonProperty("refresh_without_offline_access") boolean refreshWithoutOfflineAccess,
        // OpenID Connect RP-Initiated Logout 1.0 §3: consent-service ends the session and checks these
        @JsonProperty("post_logout_redirect_uris") List<String> postLogoutRedirectUris) {

    public static ClientView of(Client c) {
        return new ClientView(c.clientId(), c.clientName(), c.clientType().wire(), c.redirectUris(),
                c.grantTypes(), c.scopes(), c.homepageUri(), c.logoUri(), c.firstParty(),
                c.refreshWithoutOfflineAccess(), c.postLogoutRedirectUris());
    }
}
