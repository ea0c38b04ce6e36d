package io.latchkey.token.web;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/** RFC 8414 §3: metadata at the well-known URI. Built once; it changes only with a deploy. */
@Path("/.well-known/oauth-authorization-server")
public class MetadataResource {

    private final Map<String, Object> metadata;

    public MetadataResource(@ConfigProperty(name = "latchkey.issuer") String issuer,
                            @ConfigProperty(name = "latchkey.scopes") List<String> scopes) {
        this.metadata = Metadata.of(issuer, scopes);
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response metadata() {
        return Response.ok(metadata)
                .header("Cache-Control", "public, max-age=300")
                // RFC 9700 §2.6: CORS MAY be supported at the metadata endpoint
                .header("Access-Control-Allow-Origin", "*")
                .build();
    }
}
