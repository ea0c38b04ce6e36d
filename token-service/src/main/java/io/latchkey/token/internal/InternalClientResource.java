package io.latchkey.token.internal;

import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;

import io.latchkey.common.contract.ClientAuthenticationRequest;
import io.latchkey.common.contract.ClientInfo;
import io.latchkey.common.internal.InternalApi;
import io.latchkey.token.client.Client;
import io.latchkey.common.ClientCredentials;
import io.latchkey.common.error.OAuthError;
import io.latchkey.common.client.ClientMetadata;
import io.latchkey.token.client.ClientAnswers;
import io.latchkey.token.client.ClientAuthenticator;
import io.latchkey.token.client.ClientCache;
import io.latchkey.token.client.ClientRegistrationJson;
import io.latchkey.token.client.ClientRegistry;
import io.latchkey.token.client.ClientRegistry.Origin;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

/**
 * Client lookups for device-service and consent-service, and client management for consent-service's partner pages
 * and operator console (docs/internal-api.md): the same {@link ClientRegistry} as the admin API, without operator
 * clients (a partner can never register one) and unaudited here (consent-service audits its console's actions).
 */
@InternalApi
@Path("/internal/clients")
@Produces(MediaType.APPLICATION_JSON)
public class InternalClientResource {

    private final ClientCache clients;
    private final ClientAuthenticator authenticator;
    private final ClientRegistry registry;

    public InternalClientResource(ClientCache clients, ClientAuthenticator authenticator, ClientRegistry registry) {
        this.clients = clients;
        this.authenticator = authenticator;
        this.registry = registry;
    }

    @POST
    @Operation(summary = "Register a client (RFC 7591 metadata, plus owner): 201 with client_id and, once, client_secret")
    public Uni<Response> create(@RestHeader(HttpHeaders.CONTENT_TYPE) String contentType, byte[] body) {
        ClientMetadata valid = registry.validate(ClientAnswers.metadata(contentType, body), Origin.PARTNER);
        return registry.create(valid)
                .map(r -> ClientAnswers.json(201, ClientRegistrationJson.withSecret(r.client(), r.secret())));
    }

    @GET
    @Operation(summary = "List or search clients: limit, cursor, q (id or name), owner, disabled")
    public Uni<Response> list(@Context HttpServerRequest request) {
        ClientAnswers.ListQuery q = ClientAnswers.listQuery(request.query());
        return registry.list(q.cursor(), q.limit(), q.filter()).map(ClientAnswers::page);
    }

    @GET
    @Path("/{clientId}/registration")
    @Operation(summary = "A client's full registration (RFC 7591 metadata, owner, disabled)")
    public Uni<Response> registration(@RestPath String clientId) {
        ClientAnswers.checkPathId(clientId);
        return registry.find(clientId).map(c -> ClientAnswers.json(200, ClientRegistrationJson.of(c)));
    }

    @PUT
    @Path("/{clientId}")
    @Operation(summary = "Replace a client's metadata (RFC 7592 §2.2), e.g. its redirect URIs")
    public Uni<Response> update(@RestHeader(HttpHeaders.CONTENT_TYPE) String contentType, @RestPath String clientId,
                                byte[] body) {
        ClientAnswers.checkPathId(clientId);
        ClientMetadata valid = registry.validate(ClientAnswers.updateMetadata(contentType, body, clientId), Origin.PARTNER);
        return registry.update(clientId, valid, Origin.PARTNER)
                .map(c -> ClientAnswers.json(200, ClientRegistrationJson.of(c)));
    }

    @POST
    @Path("/{clientId}/secret")
    @Operation(summary = "Rotate the secret: the new one is shown once, the old one works for the rotation overlap")
    public Uni<Response> rotateSecret(@RestPath String clientId) {
        ClientAnswers.checkPathId(clientId);
        return registry.rotateSecret(clientId)
                .map(r -> ClientAnswers.json(200, ClientRegistrationJson.withSecret(r.client(), r.secret())));
    }

    @POST
    @Path("/{clientId}/disable")
    @Operation(summary = "Disable a client and revoke all its grants")
    public Uni<Response> disable(@RestPath String clientId) {
        return setDisabled(clientId, true);
    }

    @POST
    @Path("/{clientId}/enable")
    @Operation(summary = "Enable a client again (its revoked tokens stay revoked)")
    public Uni<Response> enable(@RestPath String clientId) {
        return setDisabled(clientId, false);
    }

    /** Disable (revoking every token of the client) or enable; either answers the registration. */
    private Uni<Response> setDisabled(String clientId, boolean disabled) {
        ClientAnswers.checkPathId(clientId);
        return (disabled ? registry.disable(clientId) : registry.enable(clientId))
                .map(c -> ClientAnswers.json(200, ClientRegistrationJson.of(c)));
    }

    @GET
    @Path("/{clientId}")
    @Operation(summary = "A registered client, without its secret")
    public Uni<ClientInfo> find(@RestPath String clientId) {
        return clients.find(clientId)
                .map(c -> {
                    if (c == null || c.disabled()) {
                        throw OAuthError.NOT_FOUND.with("No such client.");
                    }
                    return describe(c);
                });
    }

    @POST
    @Path("/authenticate")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Authenticate a client's credentials (RFC 6749 §2.3) on behalf of another service")
    public Uni<ClientInfo> authenticate(ClientAuthenticationRequest request) {
        if (request == null || request.clientId() == null || request.clientId().isEmpty()) {
            throw OAuthError.INVALID_REQUEST.with("Missing client_id.");
        }
        ClientCredentials credentials = new ClientCredentials(request.clientId(), request.clientSecret(),
                request.clientSecret() == null ? ClientCredentials.Method.NONE : ClientCredentials.Method.CLIENT_SECRET_POST);
        return authenticator.authenticate(credentials).map(InternalClientResource::describe);
    }

    /** The public face of a client on the internal API (docs/internal-api.md {@code Client}): everything but the secret. */
    static ClientInfo describe(Client c) {
        return new ClientInfo(c.clientId(), c.clientName(), c.clientType().wire(), c.redirectUris(),
                List.copyOf(c.grantTypes()), List.copyOf(c.scopes()), c.homepageUri(), c.logoUri(), c.firstParty(),
                c.refreshWithoutOfflineAccess(), c.postLogoutRedirectUris());
    }
}
