package io.latchkey.token.web;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestHeader;

import io.latchkey.common.ClientCredentials;
import io.latchkey.common.Form;
import io.latchkey.common.OAuthParams;
import io.latchkey.common.error.OAuthError;
import io.latchkey.token.client.Client;
import io.latchkey.token.client.ClientAuthenticator;
import io.latchkey.token.introspection.TokenIntrospection;
import io.smallrye.mutiny.Uni;

/** RFC 7662 §2 introspection endpoint, for confidential clients (resource servers and partner back ends). */
@Path("/oauth/introspect")
public class IntrospectionResource {

    private final ClientAuthenticator authenticator;
    private final TokenIntrospection introspection;

    public IntrospectionResource(ClientAuthenticator authenticator, TokenIntrospection introspection) {
        this.authenticator = authenticator;
        this.introspection = introspection;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Is this token active, and for whom (RFC 7662)")
    public Uni<Response> introspect(@RestHeader(HttpHeaders.AUTHORIZATION) String authorization,
                                    @RestHeader(HttpHeaders.CONTENT_TYPE) String contentType,
                                    byte[] body) {
        // the raw bytes, decoded by the one strict reader (RFC 7662 §2.1: application/x-www-form-urlencoded)
        Form form = Form.body(contentType, body);
        ClientCredentials credentials = ClientRequests.credentials(authorization, form);
        String token = form.required(OAuthParams.TOKEN);
        String hint = form.optional(OAuthParams.TOKEN_TYPE_HINT);
        return authenticator.authenticate(credentials)
                .map(IntrospectionResource::confidentialOnly)
                .chain(client -> introspection.introspect(token, hint, client))
                .map(NoStore::ok);
    }

    // RFC 7662 §2.1: the endpoint MUST require authorization; a public client's bare client_id is not that
    private static Client confidentialOnly(Client client) {
        if (client.isPublic()) {
            throw OAuthError.INVALID_CLIENT.with("Client authentication failed.");
        }
        return client;
    }
}
