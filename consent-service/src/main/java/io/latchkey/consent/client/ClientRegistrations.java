package io.latchkey.consent.client;

import java.util.List;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import io.latchkey.common.client.ClientMetadata;
import io.latchkey.common.error.OAuthError;
import io.latchkey.common.error.OAuthException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Creates and changes OAuth clients through token-service (the owner of clients). An RFC error token-service
 * answers (400 {@code invalid_redirect_uri}, {@code invalid_client_metadata}, 404) comes back as that
 * {@link OAuthException}; token-service unreachable or failing is 503 {@code temporarily_unavailable}.
 * Answers may carry a client secret: they are never logged.
 */
@ApplicationScoped
public class ClientRegistrations {

    private static final Logger LOG = Logger.getLogger(ClientRegistrations.class);

    /** A registration as token-service answers it; {@code clientSecret} only right after create or rotate. */
    public record Registration(String clientId, String clientName, String owner, List<String> redirectUris,
                               String tokenEndpointAuthMethod, String scope, boolean disabled, String clientSecret,
                               JsonObject raw) {

        static Registration of(JsonObject j) {
            JsonArray uris = j.getJsonArray(ClientMetadata.REDIRECT_URIS, new JsonArray());
            return new Registration(j.getString(ClientMetadata.CLIENT_ID), j.getString(ClientMetadata.CLIENT_NAME),
                    j.getString(ClientMetadata.OWNER), uris.stream().map(String::valueOf).toList(),
                    j.getString(ClientMetadata.TOKEN_ENDPOINT_AUTH_METHOD), j.getString(ClientMetadata.SCOPE),
                    Boolean.TRUE.equals(j.getBoolean("disabled")), j.getString(ClientMetadata.CLIENT_SECRET), j);
        }

        public boolean confidential() {
            return !"none".equals(tokenEndpointAuthMethod);
        }

        @Override
        public String toString() {
            return "Registration[" + clientId + "]";
        }
    }

    /** One page of clients; {@code nextCursor} null on the last. */
    public record ClientPage(List<Registration> clients, String nextCursor) {
    }

    private final TokenClientsApi api;

    public ClientRegistrations(@RestClient TokenClientsApi api) {
        this.api = api;
    }

    public Uni<Registration> create(ClientMetadata metadata) {
        return registration(() -> api.create(metadata.toJson().encode()));
    }

    public Uni<Registration> find(String clientId) {
        return registration(() -> api.registration(clientId));
    }

    public Uni<Registration> rotateSecret(String clientId) {
        return registration(() -> api.rotateSecret(clientId));
    }

    public Uni<Registration> disable(String clientId) {
        return registration(() -> api.disable(clientId));
    }

    public Uni<Registration> enable(String clientId) {
        return registration(() -> api.enable(clientId));
    }

    /** RFC 7592 §2.2 is a full replacement: the current metadata with new redirect URIs (validated by token-service). */
    public Uni<Registration> replaceRedirectUris(String clientId, List<String> redirectUris) {
        return find(clientId).flatMap(current -> {
            JsonObject body = current.raw().copy();
            body.put(ClientMetadata.REDIRECT_URIS, new JsonArray(List.copyOf(redirectUris)));
            for (String readOnly : List.of("client_id_issued_at", "client_secret_expires_at", "disabled", "first_party",
                    "operator", "owner")) {
                body.remove(readOnly);
            }
            return registration(() -> api.update(clientId, body.encode()));
        });
    }

    public Uni<ClientPage> list(String q, String owner, int limit, String cursor) {
        return call(() -> api.list(q, owner, limit, cursor)).map(j -> new ClientPage(
                j.getJsonArray("clients", new JsonArray()).stream()
                        .map(o -> Registration.of((JsonObject) o)).toList(),
                j.getString("next_cursor")));
    }

    private Uni<Registration> registration(Supplier<Uni<Response>> request) {
        return call(request).map(Registration::of);
    }

    private Uni<JsonObject> call(Supplier<Uni<Response>> request) {
        return Uni.createFrom().<Response>deferred(request::get)
                // an error status arrives as an exception carrying the response: read its RFC error body below
                .onFailure(ClientRegistrations::hasResponse)
                .recoverWithItem(e -> ((WebApplicationException) e).getResponse())
                .onFailure().transform(e -> {
                    LOG.warnf("token-service client route unreachable: %s", e.getClass().getSimpleName());
                    return OAuthError.TEMPORARILY_UNAVAILABLE.with("Latchkey cannot change clients right now; retry shortly.");
                })
                .map(ClientRegistrations::answer);
    }

    private static boolean hasResponse(Throwable e) {
        return e instanceof WebApplicationException w && w.getResponse() != null && w.getResponse().getStatus() >= 400;
    }

    private static JsonObject answer(Response r) {
        String text = r.hasEntity() ? r.readEntity(String.class) : "";
        JsonObject body;
        try {
            body = text == null || text.isEmpty() ? new JsonObject() : new JsonObject(text);
        } catch (RuntimeException e) {
            body = new JsonObject();
        }
        int status = r.getStatus();
        if (status >= 200 && status < 300) {
            return body;
        }
        String description = body.getString("error_description", "token-service refused the change.");
        OAuthError error = switch (String.valueOf(body.getString("error"))) {
            case "invalid_redirect_uri" -> OAuthError.INVALID_REDIRECT_URI;
            case "invalid_client_metadata" -> OAuthError.INVALID_CLIENT_METADATA;
            case "invalid_request" -> OAuthError.INVALID_REQUEST;
            case "not_found" -> OAuthError.NOT_FOUND;
            default -> status == 404 ? OAuthError.NOT_FOUND : null;
        };
        if (error == null) {
            LOG.warnf("token-service client route answered %d", status);
            throw OAuthError.TEMPORARILY_UNAVAILABLE.with("Latchkey cannot change clients right now; retry shortly.");
        }
        throw error.with(description);
    }
}
