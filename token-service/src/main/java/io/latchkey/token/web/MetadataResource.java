package io.latchkey.token.web;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * RFC 8414 §3 and OpenID Connect Discovery 1.0 §4: one metadata document ({@link Metadata}) at both well-known URIs.
 * Built once; it changes only with a deploy.
 */
@Path("/.well-known")
public class MetadataResource {

    private final Map<String, Object> metadata;

    public MetadataResource(@ConfigProperty(name = "latchkey.issuer") String issuer,
                            @ConfigProperty(name = "latchkey.scopes") List<String> scopes,
                            @ConfigProperty(name = "latchkey.keys.algorithm", defaultValue = "ES256") String signingAlg) {
        this.metadata = Metadata.of(issuer, scopes, signingAlg);
    }

    @GET
    @Path("/oauth-authorization-server")
    @Produces(MediaType.APPLICATION_JSON)
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
