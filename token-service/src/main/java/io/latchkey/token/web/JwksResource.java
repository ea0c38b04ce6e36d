package io.latchkey.token.web;

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
    public Response jwks() {
        return Response.ok(keys.jwksJson(), "application/jwk-set+json")
                // short cache: verifiers that meet an unknown kid refetch anyway
                .header("Cache-Control", "public, max-age=60")
                // RFC 9700 §2.6: CORS MAY be supported at the JWKS endpoint
                .header("Access-Control-Allow-Origin", "*")
                .build();
    }
}
