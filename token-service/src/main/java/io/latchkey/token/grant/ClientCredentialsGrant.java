package io.latchkey.token.grant;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.latchkey.common.Form;
import io.latchkey.common.OAuthParams;
import io.latchkey.common.Scopes;
import io.latchkey.common.error.OAuthError;
import io.latchkey.token.client.Client;
import io.latchkey.token.web.TokenResponse;
import io.smallrye.mutiny.Uni;

/** RFC 6749 §4.4: a confidential partner back end gets a token for itself. */
@ApplicationScoped
public class ClientCredentialsGrant implements GrantHandler {

    private final TokenMinter minter;

    public ClientCredentialsGrant(TokenMinter minter) {
        this.minter = minter;
    }

    /** Counts and logs each issuance (README, "Metrics" and "Logs"). */
    @jakarta.inject.Inject
    io.latchkey.token.metrics.TokenMetrics metrics;

    @Override
    public String grantType() {
        return OAuthParams.GRANT_CLIENT_CREDENTIALS;
    }

    @Override
    public Uni<TokenResponse> handle(Client client, Form form) {
        // RFC 6749 §4.4: the client credentials grant MUST only be used by confidential clients
        if (client.isPublic()) {
            throw OAuthError.UNAUTHORIZED_CLIENT.with("Public clients cannot use client_credentials.");
        }
        // RFC 6749 §3.3: the default, the subset check and the syntax are oauth-common's one scope rule
        Set<String> granted = Scopes.granted(form.optional(OAuthParams.SCOPE), client.scopes());
        // only operator clients can ever hold scope admin (RFC 6749 §3.3: the server decides which scopes it grants)
        if (granted.contains(io.latchkey.common.trust.OperatorIdentity.ADMIN_SCOPE) && !client.operator()) {
            throw OAuthError.INVALID_SCOPE.with("Only operator clients may ask for the admin scope.");
        }
        TokenResponse response = minter.forClient(client, Scopes.format(granted));
        metrics.issued(OAuthParams.GRANT_CLIENT_CREDENTIALS, client.clientId(), client.clientId());
        return Uni.createFrom().item(response);
    }
}
