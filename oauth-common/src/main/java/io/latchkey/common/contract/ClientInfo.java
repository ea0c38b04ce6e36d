package io.latchkey.common.contract;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A registered OAuth client as token-service describes it (docs/internal-api.md {@code Client}): the answer of
 * {@code GET /internal/clients/{client_id}} and {@code POST /internal/clients/authenticate}, written by token-service
 * and read by consent-service and device-service. Everything but the secret. {@code firstParty}
 * is false when token-service does not send it; {@code refreshWithoutOfflineAccess} true (the behaviour before
 * OpenID Connect), {@code postLogoutRedirectUris} empty.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ClientInfo(String clientId, String clientName, String clientType, List<String> redirectUris,
                         List<String> grantTypes, List<String> scopes, String homepageUri, String logoUri,
                         boolean firstParty, Boolean refreshWithoutOfflineAccess,
                         List<String> postLogoutRedirectUris) {

    public ClientInfo(String clientId, String clientName, String clientType, List<String> redirectUris,
                      List<String> grantTypes, List<String> scopes, String homepageUri, String logoUri,
                      boolean firstParty) {
        this(clientId, clientName, clientType, redirectUris, grantTypes, scopes, homepageUri, logoUri, firstParty,
                true, List.of());
    }

    /**
     * OIDC Core §11: whether a grant with these scopes would give this client a refresh token, i.e. access while the
     * user is away (the consent page says so in plain words).
     */
    public boolean keepsAccessOffline(java.util.Collection<String> grantedScopes) {
        return io.latchkey.common.oidc.OfflineAccess.refreshTokenIssued(grantTypes,
                refreshWithoutOfflineAccess == null || refreshWithoutOfflineAccess, grantedScopes);
    }

    /** OpenID Connect RP-Initiated Logout 1.0 §3: exact match against the registered post-logout URIs. */
    public boolean registeredPostLogout(String uri) {
        return uri != null && postLogoutRedirectUris != null && postLogoutRedirectUris.contains(uri);
    }

    /** Whether the client is registered for this grant type (RFC 6749 §5.2 {@code unauthorized_client} otherwise). */
    public boolean allowsGrant(String grantType) {
        return grantTypes != null && grantTypes.contains(grantType);
    }

    /** The registered scopes, empty when none were sent. */
    public List<String> scopesOrEmpty() {
        return scopes == null ? List.of() : scopes;
    }

    public static final String CONFIDENTIAL = "confidential";
    public static final String PUBLIC = "public";

    /** What to show when token-service does not know the client: its id, nothing else. */
    public static ClientInfo unknown(String clientId) {
        return new ClientInfo(clientId, clientId, null, List.of(), List.of(), List.of(), null, null, false);
    }

    /** A confidential client authenticates at the token endpoint, so its identity can be verified. */
    @JsonIgnore // not a member on the wire
    public boolean isConfidential() {
        return CONFIDENTIAL.equals(clientType);
    }

    /** RFC 9700 §4.1.3: exact match against a registered redirect URI (one implementation, in oauth-common). */
    public boolean registersRedirectUri(String presented) {
        return io.latchkey.common.RedirectUris.matches(redirectUris, isPublic(), presented);
    }

    @JsonIgnore // not a member on the wire
    public boolean isPublic() {
        return PUBLIC.equals(clientType);
    }

    public String displayName() {
        return clientName == null || clientName.isBlank() ? clientId : clientName;
    }

    /** The logo, only when it is an https URL (never {@code javascript:} or {@code data:}). */
    public String safeLogoUri() {
        return logoUri != null && logoUri.startsWith("https://") ? logoUri : null;
    }

    /** The homepage, only when it is an http(s) URL. */
    public String safeHomepageUri() {
        return homepageUri != null && (homepageUri.startsWith("https://") || homepageUri.startsWith("http://"))
                ? homepageUri : null;
    }
}
