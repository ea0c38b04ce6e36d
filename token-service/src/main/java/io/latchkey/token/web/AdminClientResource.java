package io.latchkey.token.web;

import jakarta.ws.rs.DELETE;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;

import io.latchkey.common.client.ClientMetadata;
import io.latchkey.common.trust.OperatorIdentity;
import io.latchkey.token.audit.AdminAudit;
import io.latchkey.token.client.ClientAnswers;
import io.latchkey.token.client.ClientRegistrationJson;
import io.latchkey.token.client.ClientRegistry;
import io.latchkey.token.client.ClientRegistry.Origin;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;

/**
 * The operators' admin API for clients (through the gateway, bearer token with scope {@code admin}; README "Admin
 * API"): RFC 7591 metadata names, RFC 7592 read/update/delete semantics. Every call checks the operator identity
 * the gateway forwarded ({@link OperatorIdentity}); every change is audited first ({@link AdminAudit}) and then
 * done by {@link ClientRegistry}, the implementation consent-service's {@code /internal/clients} shares.
 */
@Path("/admin/clients")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: clients", description = "Operator API (bearer token with scope admin)")
public class AdminClientResource {

    private final OperatorIdentity operators;
    private final ClientRegistry registry;
    private final AdminAudit audit;

    public AdminClientResource(OperatorIdentity operators, ClientRegistry registry, AdminAudit audit) {
        this.operators = operators;
        this.registry = registry;
        this.audit = audit;
    }

    @POST
    @Operation(summary = "Register a client (RFC 7591): 201 with its metadata, client_id and, for a confidential client, its secret (shown once)")
    public Uni<Response> create(@Context HttpHeaders headers, @RestHeader(HttpHeaders.CONTENT_TYPE) String contentType,
                                byte[] body) {
        OperatorIdentity.Caller caller = operators.require(headers);
        ClientMetadata valid = registry.validate(ClientAnswers.metadata(contentType, body), Origin.OPERATOR);
        return audit.record(caller, "client.created", valid.clientId(), summary(valid))
                .chain(() -> registry.create(valid))
                .map(r -> ClientAnswers.json(201, ClientRegistrationJson.withSecret(r.client(), r.secret())));
    }

    @GET
    @Operation(summary = "List clients in client_id order: limit (1-100, default 50), cursor (next_cursor of the previous page), q, owner, disabled")
    public Uni<Response> list(@Context HttpHeaders headers, @Context HttpServerRequest request) {
        operators.require(headers);
        ClientAnswers.ListQuery q = ClientAnswers.listQuery(request.query());
        return registry.list(q.cursor(), q.limit(), q.filter()).map(ClientAnswers::page);
    }

    @GET
    @Path("/{clientId}")
    @Operation(summary = "Read a client's registration (RFC 7592 §2.1)")
    public Uni<Response> read(@Context HttpHeaders headers, @RestPath String clientId) {
        operators.require(headers);
        ClientAnswers.checkPathId(clientId);
        return registry.find(clientId).map(c -> ClientAnswers.json(200, ClientRegistrationJson.of(c)));
    }

    @PUT
    @Path("/{clientId}")
    @Operation(summary = "Replace a client's metadata (RFC 7592 §2.2: omitted members take their defaults)")
    public Uni<Response> update(@Context HttpHeaders headers, @RestHeader(HttpHeaders.CONTENT_TYPE) String contentType,
                                @RestPath String clientId, byte[] body) {
        OperatorIdentity.Caller caller = operators.require(headers);
        ClientAnswers.checkPathId(clientId);
        ClientMetadata valid = registry.validate(ClientAnswers.updateMetadata(contentType, body, clientId), Origin.OPERATOR);
        return registry.find(clientId)
                .chain(existing -> audit.record(caller, "client.updated", clientId, summary(valid)))
                .chain(() -> registry.update(clientId, valid, Origin.OPERATOR))
                .map(c -> ClientAnswers.json(200, ClientRegistrationJson.of(c)));
    }

    @DELETE
    @Path("/{clientId}")
    @Operation(summary = "Delete a client (RFC 7592 §2.3): 204; all its grants and tokens are revoked")
    public Uni<Response> delete(@Context HttpHeaders headers, @RestPath String clientId) {
        return act(headers, clientId, "client.deleted", () -> registry.delete(clientId).map(c -> ClientAnswers.noContent()));
    }

    @POST
    @Path("/{clientId}/secret")
    @Operation(summary = "Rotate the secret: the new one is shown once; the old one works for latchkey.clients.secret-rotation-overlap")
    public Uni<Response> rotateSecret(@Context HttpHeaders headers, @RestPath String clientId) {
        return act(headers, clientId, "client.secret_rotated", () -> registry.rotateSecret(clientId)
                .map(r -> ClientAnswers.json(200, ClientRegistrationJson.withSecret(r.client(), r.secret()))));
    }

    @POST
    @Path("/{clientId}/disable")
    @Operation(summary = "Disable a client: all its grants are revoked, its access tokens refused everywhere within a second")
    public Uni<Response> disable(@Context HttpHeaders headers, @RestPath String clientId) {
        return act(headers, clientId, "client.disabled", () -> registry.disable(clientId)
                .map(c -> ClientAnswers.json(200, ClientRegistrationJson.of(c))));
    }

    @POST
    @Path("/{clientId}/enable")
    @Operation(summary = "Enable a client again (tokens revoked when it was disabled stay revoked)")
    public Uni<Response> enable(@Context HttpHeaders headers, @RestPath String clientId) {
        return act(headers, clientId, "client.enabled", () -> registry.enable(clientId)
                .map(c -> ClientAnswers.json(200, ClientRegistrationJson.of(c))));
    }

    /** Operator check, existence check (404 before anything is audited), audit, then the action. */
    private Uni<Response> act(HttpHeaders headers, String clientId, String kind,
                              java.util.function.Supplier<Uni<Response>> action) {
        OperatorIdentity.Caller caller = operators.require(headers);
        ClientAnswers.checkPathId(clientId);
        return registry.find(clientId)
                .chain(existing -> audit.record(caller, kind, clientId, null))
                .chain(() -> action.get());
    }

    private static JsonObject summary(ClientMetadata m) {
        return new JsonObject().put(ClientMetadata.CLIENT_NAME, m.clientName())
                .put(ClientMetadata.TOKEN_ENDPOINT_AUTH_METHOD, m.tokenEndpointAuthMethod())
                .put(ClientMetadata.SCOPE, m.scope())
                .put(ClientMetadata.OPERATOR, m.isOperator());
    }
}
