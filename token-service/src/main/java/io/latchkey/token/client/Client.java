package io.latchkey.token.client;

import java.util.List;
import java.util.Set;

/**
 * A registered OAuth client (a partner app or a CLI). Immutable; the secret hash never leaves this service.
 * {@code firstParty}: an operator vouches for this client (its own app), so consent-service may remember a public
 * client's consent too (docs/internal-api.md {@code Client}).
 *
 * @param mayIntrospect an operator allowed this client (a resource server) to introspect other clients' access tokens
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
        boolean mayIntrospect) {

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
