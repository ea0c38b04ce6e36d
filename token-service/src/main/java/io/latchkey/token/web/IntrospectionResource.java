package io.latchkey.token.web;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestHeader;

import io.latchkey.common.NoStore;
import io.latchkey.common.ClientCredentials;
import io.latchkey.common.Form;
import io.latchkey.common.OAuthParams;
import io.latchkey.common.openapi.OAuthComponents;
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
    @Tag(name = io.latchkey.common.openapi.OAuthErrorResponses.OAUTH_TAG)
    @Operation(operationId = "introspect", summary = "Is this token active, and for whom (RFC 7662)",
            description = "Confidential clients only; active:true only to the token's own client or a client allowed "
                    + "to introspect (RFC 7662 §4), anyone else learns {\"active\":false}.")
    @SecurityRequirement(name = OAuthComponents.CLIENT_BASIC)
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED,
            schema = @Schema(name = "IntrospectionRequest", type = SchemaType.OBJECT, requiredProperties = "token",
                    properties = {
                            @SchemaProperty(name = "token", type = SchemaType.STRING),
                            @SchemaProperty(name = "token_type_hint", type = SchemaType.STRING,
                                    enumeration = {"access_token", "refresh_token"})}),
            examples = @ExampleObject(name = "access token", value = "token=eyJhbGciOiJFUzI1NiJ9.e30.c2ln")))
    @APIResponse(responseCode = "200", description = "RFC 7662 §2.2",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = IntrospectionResponse.class),
                    examples = @ExampleObject(name = "active", value = "{\"active\":true,\"scope\":\"db:read\","
                            + "\"client_id\":\"partner-web\",\"sub\":\"partner-web\",\"exp\":1767225600,"
                            + "\"iat\":1767225000,\"iss\":\"http://localhost:8080\",\"aud\":\"https://api.latchkey.dev\","
                            + "\"token_type\":\"Bearer\",\"jti\":\"5f0c\"}")))
    public Uni<Response> introspect(@Parameter(hidden = true) @RestHeader(HttpHeaders.AUTHORIZATION) String authorization,
                                    @Parameter(hidden = true) @RestHeader(HttpHeaders.CONTENT_TYPE) String contentType,
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
