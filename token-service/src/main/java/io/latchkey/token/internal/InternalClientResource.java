package io.latchkey.token.internal;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestPath;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.latchkey.common.internal.InternalApi;
import io.latchkey.common.ClientCredentials;
import io.latchkey.common.error.OAuthError;
import io.latchkey.token.client.ClientAuthenticator;
import io.latchkey.token.client.ClientCache;
import io.latchkey.token.client.ClientView;
import io.smallrye.mutiny.Uni;

/** Client lookups for device-service and consent-service (docs/internal-api.md). */
@InternalApi
@Path("/internal/clients")
@Produces(MediaType.APPLICATION_JSON)
public class InternalClientResource {

    public record AuthenticateRequest(@JsonProperty("client_id") String clientId,
                                      @JsonProperty("client_secret") String clientSecret) {
    }

    private final ClientCache clients;
    private final ClientAuthenticator authenticator;

    public InternalClientResource(ClientCache clients, ClientAuthenticator authenticator) {
        this.clients = clients;
        this.authenticator = authenticator;
    }

    @GET
    @Path("/{clientId}")
    @Operation(summary = "A registered client, without its secret")
    public Uni<ClientView> find(@RestPath String clientId) {
        return clients.find(clientId)
                .map(c -> {
                    if (c == null || c.disabled()) {
                        throw OAuthError.NOT_FOUND.with("No such client.");
                    }
                    return ClientView.of(c);
                });
    }

    @POST
    @Path("/authenticate")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Authenticate a client's credentials (RFC 6749 §2.3) on behalf of another service")
    public Uni<ClientView> authenticate(AuthenticateRequest request) {
        if (request == null || request.clientId() == null || request.clientId().isEmpty()) {
            throw OAuthError.INVALID_REQUEST.with("Missing client_id.");
        }
        ClientCredentials credentials = new ClientCredentials(request.clientId(), request.clientSecret(),
                request.clientSecret() == null ? ClientCredentials.Method.NONE : ClientCredentials.Method.CLIENT_SECRET_POST);
        return authenticator.authenticate(credentials).map(ClientView::of);
    }
}
