package io.latchkey.token.client;

import jakarta.enterprise.context.ApplicationScoped;

import io.latchkey.common.ClientCredentials;
import io.latchkey.common.error.OAuthError;
import io.smallrye.mutiny.Uni;
import io.latchkey.common.crypto.Secrets;

/** RFC 6749 §2.3: authenticates confidential clients and identifies public ones. */
@ApplicationScoped
public class ClientAuthenticator {

    private final ClientCache clients;

    public ClientAuthenticator(ClientCache clients) {
        this.clients = clients;
    }

    public Uni<Client> authenticate(ClientCredentials credentials) {
        return clients.find(credentials.clientId())
                .map(client -> {
                    if (client != null && client.disabled()) {
                        throw OAuthError.INVALID_CLIENT.with("Client authentication failed.");
                    }
                    return check(client, credentials);
                });
    }

    /**
     * The client whose credentials these are, disabled or not (the token endpoint tells a disabled client's refresh
     * that its grants are revoked: {@code invalid_grant}). Unknown clients and wrong secrets are {@code invalid_client}.
     */
    public Uni<Client> identify(ClientCredentials credentials) {
        return clients.find(credentials.clientId()).map(client -> check(client, credentials));
    }

    static Client check(Client client, ClientCredentials credentials) {
        if (client == null) {
            throw OAuthError.INVALID_CLIENT.with("Client authentication failed.");
        }
        if (client.isPublic()) {
            // RFC 6749 §2.1: a public client has no credentials; one that sends a secret is misconfigured
            if (credentials.clientSecret() != null) {
                throw OAuthError.INVALID_CLIENT.with("Client authentication failed.");
            }
            return client;
        }
        // RFC 6749 §3.2.1: confidential clients MUST authenticate at the token endpoint
        if (!Secrets.matches(credentials.clientSecret(), client.secretHash()) && !previousSecretStillValid(client, credentials)) {
            throw OAuthError.INVALID_CLIENT.with("Client authentication failed.");
        }
        return client;
    }

    /** After a rotation the old secret keeps working until {@code latchkey.clients.secret-rotation-overlap} is over. */
    private static boolean previousSecretStillValid(Client client, ClientCredentials credentials) {
        return client.previousSecretHash() != null && client.previousSecretExpiresAt() != null
                && java.time.Instant.now().isBefore(client.previousSecretExpiresAt())
                && Secrets.matches(credentials.clientSecret(), client.previousSecretHash());
    }
}
