package io.latchkey.token.client;

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
        List<String> postLogoutRedirectUris) {

    /** A client as registered before OpenID Connect: refresh tokens without offline_access, no logout URIs. */
    public Client(String clientId, String clientName, ClientType clientType, byte[] secretHash, List<String> redirectUris,
                  Set<String> grantTypes, Set<String> scopes, String homepageUri, String logoUri, boolean disabled,
                  boolean firstParty, boolean mayIntrospect) {
        this(clientId, clientName, clientType, secretHash, redirectUris, grantTypes, scopes, homepageUri, logoUri,
                disabled, firstParty, mayIntrospect, true, List.of());
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

    public boolean isPublic() {
        return clientType == ClientType.PUBLIC;
    }

    public boolean allowsGrant(String grantType) {
        return grantTypes.contains(grantType);
    }

    public boolean allowsScopes(Set<String> requested) {
        return scopes.containsAll(requested);
    }
}
