package io.latchkey.consent.api;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.ws.rs.core.HttpHeaders;

import io.latchkey.common.error.OAuthError;
import io.latchkey.common.error.OAuthException;
import io.latchkey.common.trust.GatewayProof;
import io.latchkey.common.trust.TrustHeaders;
import io.latchkey.common.Scopes;

/**
 * The verified access token of a bearer route, as the gateway forwards it in X-Latchkey-* headers next to its
 * identity proof (oauth-common {@link GatewayProof}); without that proof nothing is believed. Each header counts only
 * when sent exactly once.
 */
record BearerIdentity(String subject, String clientId, Set<String> scopes, String grantId) {

    static BearerIdentity of(HttpHeaders headers, GatewayProof gateway) {
        String subject = single(headers, TrustHeaders.SUBJECT);
        String clientId = single(headers, TrustHeaders.CLIENT_ID);
        // the identity headers mean something only when the gateway (holder of the identity secret) set them
        if (!gateway.present(headers.getRequestHeader(TrustHeaders.IDENTITY_PROOF)) || subject == null || clientId == null) {
            throw invalidToken("A valid access token is required.");
        }
        return new BearerIdentity(subject, clientId, Scopes.parse(single(headers, TrustHeaders.SCOPE)),
                single(headers, TrustHeaders.GRANT_ID));
    }

    /** RFC 6750 §3.1: the gateway checks the scope too; a service never relies on the edge alone. */
    void require(String scope) {
        if (!scopes.contains(scope)) {
            throw OAuthError.INSUFFICIENT_SCOPE.with("This resource needs the scope: " + scope + ".")
                    .withChallenge("Bearer error=\"insufficient_scope\", scope=\"" + scope + "\"");
        }
    }

    /** The user the token was issued for; invalid_token for a client's own token. */
    UUID userId() {
        try {
            return UUID.fromString(subject);
        } catch (IllegalArgumentException e) {
            throw invalidToken("The access token does not belong to a user.");
        }
    }

    static OAuthException invalidToken(String description) {
        return OAuthError.INVALID_TOKEN.with(description)
                .withChallenge("Bearer error=\"invalid_token\", error_description=\"" + description + "\"");
    }

    private static String single(HttpHeaders headers, String name) {
        List<String> values = headers.getRequestHeader(name);
        return values == null || values.size() != 1 ? null : values.get(0);
    }
}
