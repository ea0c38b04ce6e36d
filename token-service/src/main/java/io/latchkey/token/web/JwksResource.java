package io.latchkey.token.web;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.latchkey.token.jwt.SigningKeys;

/** RFC 7517 §5 JWK Set: the active signing key and every key whose tokens may still be live. */
@Path("/oauth/jwks")
public class JwksResource {

    private final SigningKeys keys;

    public JwksResource(SigningKeys keys) {
        this.keys = keys;
    }

    @GET
    @Produces({"application/jwk-set+json", MediaType.APPLICATION_JSON})
    @Tag(name = io.latchkey.common.openapi.OAuthErrorResponses.OAUTH_TAG)
    @Operation(operationId = "jwks", summary = "The JWK Set that verifies access tokens (RFC 7517)")
    @APIResponse(responseCode = "200", description = "The published keys (the active one and those still verifying)",
            content = @Content(mediaType = "application/jwk-set+json", schema = @Schema(name = "JwkSet",
                    type = SchemaType.OBJECT, requiredProperties = "keys", properties = @SchemaProperty(name = "keys",
                            type = SchemaType.ARRAY, implementation = Object.class)),
                    examples = @ExampleObject(name = "keys", value = "{\"keys\":[{\"kty\":\"EC\",\"crv\":\"P-256\","
                            + "\"kid\":\"k1\",\"use\":\"sig\",\"alg\":\"ES256\",\"x\":\"…\",\"y\":\"…\"}]}")))
    public Response jwks() {
        return Response.ok(keys.jwksJson(), "application/jwk-set+json")
                // short cache: verifiers that meet an unknown kid refetch anyway
                .header("Cache-Control", "public, max-age=60")
                // RFC 9700 §2.6: CORS MAY be supported at the JWKS endpoint
                .header("Access-Control-Allow-Origin", "*")
                .build();
    }
}
