package io.latchkey.token.web;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import java.util.List;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestHeader;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.latchkey.token.admin.OperatorToken;
import io.latchkey.token.jwt.SigningKey;
import io.latchkey.token.jwt.SigningKeys;
import io.smallrye.mutiny.Uni;

/**
 * Operator route: rotate the signing key now (e.g. after a suspected key compromise, or to test rotation).
 * Not in the gateway's route table; operators call token-service directly (e.g. {@code kubectl port-forward}).
 */
@Path("/admin/keys/rotate")
public class KeyRotationResource {

    private static final org.jboss.logging.Logger ADMIN_LOG = org.jboss.logging.Logger.getLogger("io.latchkey.security");

    public record Rotation(@JsonProperty("active_kid") String activeKid,
                           @JsonProperty("published_kids") List<String> publishedKids) {
    }

    private final OperatorToken operator;
    private final SigningKeys keys;

    public KeyRotationResource(OperatorToken operator, SigningKeys keys) {
        this.operator = operator;
        this.keys = keys;
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Tag(name = "Admin")
    @Operation(operationId = "rotateSigningKey",
            summary = "Rotate the signing key; older keys stay in the JWKS until their tokens have expired")
    @SecurityRequirement(name = io.latchkey.common.openapi.OAuthComponents.BEARER)
    @APIResponse(responseCode = "200", description = "The new active key and every published one",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Rotation.class)))
    @APIResponse(responseCode = "401", ref = io.latchkey.common.openapi.OAuthComponents.INVALID_TOKEN)
    @APIResponse(responseCode = "503", ref = io.latchkey.common.openapi.OAuthComponents.UNAVAILABLE)
    public Uni<Rotation> rotate(@Parameter(hidden = true) @RestHeader(HttpHeaders.AUTHORIZATION) String authorization) {
        operator.check(authorization);
        // a security event: the admin action itself (the key is logged by SigningKeys)
        ADMIN_LOG.info("Admin action: POST /admin/keys/rotate by the operator token");
        return keys.rotate()
                .map(active -> new Rotation(active.kid(), keys.published().stream().map(SigningKey::kid).toList()));
    }
}
