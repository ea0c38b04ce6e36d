package io.latchkey.token.client;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A registered OAuth client (a partner app or a CLI). Immutable; the secret hash never leaves this service.
 * {@code firstParty}: an operator vouches for this client (its own app), so consent-service may remember a public
 * client's consent too (docs/internal-api.md {@code Client}).
 *
 * @param mayIntrospect an operator allowed this client (a resource server) to introspect other clients' access tokens
 * @param refreshWithoutOfflineAccess the client gets refresh tokens for user grants without asking for
 *                      {@code offline_access} (OIDC Core §11); true for every client registered before OpenID Connect
 * @param postLogoutRedirectUris where RP-initiated logout may send the browser back to (exact match)
 * @param operator      may hold scope {@code admin} (an operator client; for user tokens consent-service also checks
 *                      the user's operator role)
 * @param authMethod    RFC 7591 {@code token_endpoint_auth_method}
 * @param owner         the partner user who owns it (consent-service's user id), or null
 * @param previousSecretHash      the secret before the last rotation, accepted until {@code previousSecretExpiresAt}
 * @param createdAt     RFC 7591 {@code client_id_issued_at}
 */
public record Client(
        String clientId,
        String clientName,
        ClientType clientType,
        byte[] secretHash,
        List<String> redirectUris,
        Set<String> grantTypes,
        Set<String> scopes,
        String homepageUri,
        String logoUri,
        boolean disabled,
        boolean firstParty,
        boolean mayIntrospect,
        boolean refreshWithoutOfflineAccess,
        List<String> postLogoutRedirectUris,
        boolean operator,
        String authMethod,
        List<String> contacts,
        String owner,
        byte[] previousSecretHash,
        Instant previousSecretExpiresAt,
        Instant createdAt) {

    /**
     * A client as the seed writes it (no rotation, no owner, the default auth method for its type), registered as
     * before OpenID Connect: refresh tokens without offline_access, no logout URIs.
     */
    public Client(String clientId, String clientName, ClientType clientType, byte[] secretHash, List<String> redirectUris,
                  Set<String> grantTypes, Set<String> scopes, String homepageUri, String logoUri, boolean disabled,
                  boolean firstParty, boolean mayIntrospect) {
        this(clientId, clientName, clientType, secretHash, redirectUris, grantTypes, scopes, homepageUri, logoUri,
                disabled, firstParty, mayIntrospect, true, List.of(), false,
                clientType == ClientType.PUBLIC ? "none" : "client_secret_basic", List.of(), null, null, null, null);
    }

    /** The same client with these RP-initiated logout URIs (OpenID Connect RP-Initiated Logout 1.0 §3). */
    public Client withPostLogoutRedirectUris(List<String> uris) {
        return new Client(clientId, clientName, clientType, secretHash, redirectUris, grantTypes, scopes, homepageUri,
                logoUri, disabled, firstParty, mayIntrospect, refreshWithoutOfflineAccess, List.copyOf(uris), operator,
                authMethod, contacts, owner, previousSecretHash, previousSecretExpiresAt, createdAt);
    }

    /** The same client, marked operator (may hold scope admin). */
    public Client asOperator() {
        return new Client(clientId, clientName, clientType, secretHash, redirectUris, grantTypes, scopes, homepageUri,
                logoUri, disabled, firstParty, mayIntrospect, refreshWithoutOfflineAccess, postLogoutRedirectUris, true, authMethod, contacts, owner, previousSecretHash,
                previousSecretExpiresAt, createdAt);
    }

    public enum ClientType {
        PUBLIC, CONFIDENTIAL;

        public String wire() {
            return name().toLowerCase();
        }

        public static ClientType fromWire(String s) {
            return "confidential".equals(s) ? CONFIDENTIAL : PUBLIC;
        }
    }

    /** RFC 9700 §4.1.3: exact match against a registered redirect URI (one implementation, in oauth-common). */
    public boolean registersRedirectUri(String presented) {
        return io.latchkey.common.RedirectUris.matches(redirectUris, isPublic(), presented);
    }

    public boolean isPublic() {
        return clientType == ClientType.PUBLIC;
    }

    public boolean allowsGrant(String grantType) {
        return grantTypes.contains(grantType);
    }
}
