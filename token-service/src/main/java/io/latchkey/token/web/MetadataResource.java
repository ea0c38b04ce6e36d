package io.latchkey.token.web;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.latchkey.token.config.TokenServiceConfig;


/**
 * RFC 8414 §3 and OpenID Connect Discovery 1.0 §4: one metadata document ({@link Metadata}) at both well-known URIs.
 * Built once; it changes only with a deploy.
 */
@Path("/.well-known")
public class MetadataResource {

    private final Map<String, Object> metadata;

    public MetadataResource(TokenServiceConfig config) {
        this.metadata = Metadata.of(config.issuer(), config.scopes(), config.keys().algorithm());
    }

    @GET
    @Path("/oauth-authorization-server")
    @Produces(MediaType.APPLICATION_JSON)
    @Tag(name = io.latchkey.common.openapi.OAuthErrorResponses.OAUTH_TAG)
    @Operation(operationId = "authorizationServerMetadata", summary = "Authorization server metadata (RFC 8414 §3)")
    @APIResponse(responseCode = "200", description = "RFC 8414 §3.2", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(name = "AuthorizationServerMetadata",
                    type = SchemaType.OBJECT, requiredProperties = {"issuer", "token_endpoint"}, properties = {
                            @SchemaProperty(name = "issuer", type = SchemaType.STRING),
                            @SchemaProperty(name = "token_endpoint", type = SchemaType.STRING),
                            @SchemaProperty(name = "device_authorization_endpoint", type = SchemaType.STRING),
                            @SchemaProperty(name = "jwks_uri", type = SchemaType.STRING)}),
            examples = @ExampleObject(name = "metadata", value = "{\"issuer\":\"http://localhost:8080\","
                    + "\"token_endpoint\":\"http://localhost:8080/oauth/token\"}")))
    public Response metadata() {
        return document();
    }

    /** Discovery §4: {@code <issuer>/.well-known/openid-configuration}, the same issuer and document. */
    @GET
    @Path("/openid-configuration")
    @Produces(MediaType.APPLICATION_JSON)
    public Response openIdConfiguration() {
        return document();
    }

    private Response document() {
        return Response.ok(metadata)
                .header("Cache-Control", "public, max-age=300")
                // RFC 9700 §2.6: CORS MAY be supported at the metadata endpoint
                .header("Access-Control-Allow-Origin", "*")
                .build();
    }
}
