package io.latchkey.token.web;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestHeader;

import io.latchkey.common.NoStore;
import io.latchkey.common.ClientCredentials;
import io.latchkey.common.Form;
import io.latchkey.common.OAuthParams;
import io.latchkey.common.error.OAuthError;
import io.latchkey.common.openapi.OAuthComponents;
import io.latchkey.token.client.ClientAuthenticator;
import io.latchkey.token.grant.GrantHandler;
import io.latchkey.token.metrics.TokenMetrics;
import io.smallrye.mutiny.Uni;

/**
 * RFC 6749 §3.2 token endpoint. Authenticates the client, then dispatches on {@code grant_type} to the
 * {@link GrantHandler} for it. (The device_code grant is routed by the gateway to device-service, which owns
 * the polling state; see docs/internal-api.md.)
 */
@Path("/oauth/token")
public class TokenResource {

    private final ClientAuthenticator authenticator;
    private final TokenMetrics metrics;
    private final Map<String, GrantHandler> grants;

    public TokenResource(ClientAuthenticator authenticator, Instance<GrantHandler> handlers, TokenMetrics metrics) {
        this.authenticator = authenticator;
        this.metrics = metrics;
        this.grants = handlers.stream().collect(Collectors.toMap(GrantHandler::grantType, Function.identity()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    @Tag(name = io.latchkey.common.openapi.OAuthErrorResponses.OAUTH_TAG)
    @Operation(operationId = "token", summary = "Token endpoint (RFC 6749 §3.2)",
            description = "grant_type decides which fields count: client_credentials (scope), authorization_code "
                    + "(code, redirect_uri, code_verifier), refresh_token (refresh_token, scope) and, routed by the "
                    + "gateway to device-service, urn:ietf:params:oauth:grant-type:device_code (device_code). "
                    + "Confidential clients authenticate with HTTP Basic; public clients send client_id.")
    @SecurityRequirementsSet(@SecurityRequirement(name = OAuthComponents.CLIENT_BASIC))
    @SecurityRequirementsSet
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED,
            schema = @Schema(name = "TokenRequest", type = SchemaType.OBJECT, requiredProperties = "grant_type",
                    properties = {
                            @SchemaProperty(name = "grant_type", type = SchemaType.STRING, enumeration = {
                                    "client_credentials", "authorization_code", "refresh_token",
                                    "urn:ietf:params:oauth:grant-type:device_code"}),
                            @SchemaProperty(name = "client_id", type = SchemaType.STRING,
                                    description = "Public clients (confidential ones use HTTP Basic)"),
                            @SchemaProperty(name = "scope", type = SchemaType.STRING,
                                    description = "Space-separated scopes (client_credentials, refresh_token)"),
                            @SchemaProperty(name = "device_code", type = SchemaType.STRING,
                                    description = "device_code grant (RFC 8628 §3.4)"),
                            @SchemaProperty(name = "code", type = SchemaType.STRING,
                                    description = "authorization_code grant"),
                            @SchemaProperty(name = "redirect_uri", type = SchemaType.STRING,
                                    description = "authorization_code grant: the authorization request's"),
                            @SchemaProperty(name = "code_verifier", type = SchemaType.STRING,
                                    description = "authorization_code grant: the PKCE verifier (RFC 7636 §4.5)"),
                            @SchemaProperty(name = "refresh_token", type = SchemaType.STRING,
                                    description = "refresh_token grant")}),
            examples = @ExampleObject(name = "client_credentials", value = "grant_type=client_credentials&scope=db%3Aread")))
    @APIResponse(responseCode = "200", description = "The token response (RFC 6749 §5.1)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TokenResponse.class),
                    examples = @ExampleObject(name = "client_credentials", value = "{\"access_token\":\"eyJhbGciOiJFUzI1NiIsInR5cCI6ImF0K2p3dCJ9.eyJzdWIiOiJwYXJ0bmVyLXdlYiJ9.c2ln\","
                            + "\"token_type\":\"Bearer\",\"expires_in\":600,\"scope\":\"db:read\"}")))
    public Uni<Response> token(@Parameter(hidden = true) @RestHeader(HttpHeaders.AUTHORIZATION) String authorization,
                               @Parameter(hidden = true) @RestHeader(HttpHeaders.CONTENT_TYPE) String contentType,
                               byte[] body) {
        String grantType = null;
        try {
            // the raw bytes, decoded by the one strict reader (RFC 6749 §3.2: application/x-www-form-urlencoded, UTF-8)
            Form form = Form.body(contentType, body);
            grantType = form.required(OAuthParams.GRANT_TYPE);
            String grant = grantType;
            GrantHandler handler = grants.get(grantType);
            ClientCredentials credentials = ClientCredentials.parse(authorization,
                    form.optional(OAuthParams.CLIENT_ID), form.optional(OAuthParams.CLIENT_SECRET));
            if (handler == null) {
                throw OAuthError.UNSUPPORTED_GRANT_TYPE.with("Unsupported grant_type.");
            }
            return authenticator.identify(credentials)
                    .invoke(client -> {
                        if (client.disabled()) {
                            // a disabled client's grants are all revoked (RFC 6749 §5.2: invalid_grant for a revoked
                            // refresh token or code); it can get no token of its own either
                            throw grant.equals(OAuthParams.GRANT_REFRESH_TOKEN)
                                    || grant.equals(OAuthParams.GRANT_AUTHORIZATION_CODE)
                                    ? OAuthError.INVALID_GRANT.with("This client has been disabled; its grants are revoked.")
                                    : OAuthError.INVALID_CLIENT.with("Client authentication failed.");
                        }
                        // RFC 6749 §5.2: unauthorized_client when the client may not use this grant type
                        if (!client.allowsGrant(grant)) {
                            throw OAuthError.UNAUTHORIZED_CLIENT.with("This client is not registered for " + grant + ".");
                        }
                    })
                    .chain(client -> handler.handle(client, form))
                    .onFailure().invoke(failure -> metrics.failed(grant, failure))
                    .map(NoStore::ok);
        } catch (RuntimeException e) {
            metrics.failed(grantType, e);
            throw e;
        }
    }
}
