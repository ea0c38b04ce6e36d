package io.latchkey.token.internal;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.latchkey.common.internal.InternalApi;
import io.latchkey.common.Scopes;
import io.latchkey.common.contract.SessionInfo;
import io.latchkey.common.contract.SessionInfoChecks;
import io.latchkey.common.contract.TokenMintRequest;
import io.latchkey.common.error.OAuthError;
import io.latchkey.common.oidc.IdentityChecks;
import io.latchkey.token.client.ClientCache;
import io.latchkey.token.grant.TokenMinter;
import io.latchkey.token.web.TokenResponse;
import io.smallrye.mutiny.Uni;

/**
 * Mints tokens for a grant another service has authorized (device-service after an approved device poll).
 * The caller has authenticated the client and verified the authorization; this checks registration again.
 */
@InternalApi
@Path("/internal/tokens")
public class InternalTokenResource {

    private final ClientCache clients;
    private final TokenMinter minter;

    public InternalTokenResource(ClientCache clients, TokenMinter minter) {
        this.clients = clients;
        this.minter = minter;
    }

    /** Counts and logs each issuance (README, "Metrics" and "Logs"). */
    @jakarta.inject.Inject
    io.latchkey.token.metrics.TokenMetrics metrics;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Mint an access token (and a refresh token when the client may refresh) for a grant")
    public Uni<TokenResponse> mint(TokenMintRequest r) {
        if (r == null || r.clientId() == null || r.subject() == null || r.grantId() == null || r.grantType() == null) {
            throw OAuthError.INVALID_REQUEST.with("client_id, subject, grant_id and grant_type are required.");
        }
        String grantType = r.grantType();
        SessionInfo session = SessionInfoChecks.checked(r.session());
        return clients.find(r.clientId())
                .chain(client -> {
                    if (client == null || client.disabled()) {
                        throw OAuthError.INVALID_CLIENT.with("Unknown client.");
                    }
                    if (!client.allowsGrant(grantType)) {
                        throw OAuthError.UNAUTHORIZED_CLIENT.with("This client is not registered for " + grantType + ".");
                    }
                    // RFC 6749 §3.3: within the client's registration (consent-service applied the default already)
                    Scopes.within(r.scope(), client.scopes());
                    return minter.forUser(client, r.subject(), r.scope(), r.grantId(),
                            IdentityChecks.checked(r.identity()), session)
                            .invoke(() -> metrics.issued(grantType, client.clientId(), r.subject()));
                });
    }
}
