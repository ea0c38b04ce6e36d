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
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestHeader;

import io.latchkey.common.ClientCredentials;
import io.latchkey.common.Form;
import io.latchkey.common.OAuthParams;
import io.latchkey.common.openapi.OAuthComponents;
import io.latchkey.token.client.ClientAuthenticator;
import io.latchkey.token.revocation.TokenRevocation;
import io.smallrye.mutiny.Uni;

/** RFC 7009 §2 revocation endpoint. */
@Path("/oauth/revoke")
public class RevocationResource {

    private final ClientAuthenticator authenticator;
    private final TokenRevocation revocation;

    public RevocationResource(ClientAuthenticator authenticator, TokenRevocation revocation) {
        this.authenticator = authenticator;
        this.revocation = revocation;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Tag(name = io.latchkey.common.openapi.OAuthErrorResponses.OAUTH_TAG)
    @Operation(operationId = "revoke", summary = "Revoke a refresh token (and its family) or an access token (RFC 7009)")
    @SecurityRequirementsSet(@SecurityRequirement(name = OAuthComponents.CLIENT_BASIC))
    @SecurityRequirementsSet
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED,
            schema = @Schema(name = "RevocationRequest", type = SchemaType.OBJECT, requiredProperties = "token",
                    properties = {
                            @SchemaProperty(name = "token", type = SchemaType.STRING),
                            @SchemaProperty(name = "token_type_hint", type = SchemaType.STRING,
                                    enumeration = {"refresh_token", "access_token"}),
                            @SchemaProperty(name = "client_id", type = SchemaType.STRING,
                                    description = "Public clients (confidential ones use HTTP Basic)")}),
            examples = @ExampleObject(name = "refresh token", value = "token=R4nd0m&token_type_hint=refresh_token&client_id=latchkey-cli")))
    @APIResponse(responseCode = "200", description = "Revoked, or the token was unknown or already revoked (RFC 7009 §2.2)")
    public Uni<Response> revoke(@Parameter(hidden = true) @RestHeader(HttpHeaders.AUTHORIZATION) String authorization,
                                @Parameter(hidden = true) @RestHeader(HttpHeaders.CONTENT_TYPE) String contentType,
                                byte[] body) {
        // the raw bytes, decoded by the one strict reader (RFC 7009 §2.1: application/x-www-form-urlencoded)
        Form form = Form.body(contentType, body);
        String token = form.required(OAuthParams.TOKEN);
        String hint = form.optional(OAuthParams.TOKEN_TYPE_HINT);
        // RFC 7009 §2.1: the client authenticates as at the token endpoint (public clients send their client_id)
        ClientCredentials credentials = ClientRequests.credentials(authorization, form);
        return authenticator.authenticate(credentials)
                .chain(client -> revocation.revoke(token, hint, client))
                // RFC 7009 §2.2: 200 whether or not the token was valid, known or already revoked
                .map(ignored -> Response.ok().header("Cache-Control", "no-store").build());
    }
}
