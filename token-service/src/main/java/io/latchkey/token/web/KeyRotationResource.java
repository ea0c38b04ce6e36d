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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.latchkey.common.trust.OperatorIdentity;
import io.latchkey.token.audit.AdminAudit;
import io.latchkey.token.jwt.SigningKey;
import io.latchkey.token.jwt.SigningKeys;
import io.smallrye.mutiny.Uni;

/**
 * Operator route: rotate the signing key now (e.g. after a suspected key compromise, or to test rotation). Through
 * the gateway with an access token carrying scope {@code admin} ({@link OperatorIdentity}); audited first.
 */
@Path("/admin/keys/rotate")
public class KeyRotationResource {

    private static final org.jboss.logging.Logger ADMIN_LOG = org.jboss.logging.Logger.getLogger("io.latchkey.security");

    public record Rotation(@JsonProperty("active_kid") String activeKid,
                           @JsonProperty("published_kids") List<String> publishedKids) {
    }

    private final OperatorIdentity operators;
    private final SigningKeys keys;
    private final AdminAudit audit;

    public KeyRotationResource(OperatorIdentity operators, SigningKeys keys, AdminAudit audit) {
        this.operators = operators;
        this.keys = keys;
        this.audit = audit;
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
    public Uni<Rotation> rotate(@Parameter(hidden = true) @Context HttpHeaders headers) {
        OperatorIdentity.Caller caller = operators.require(headers);
        // a security event: the admin action itself (the key is logged by SigningKeys)
        ADMIN_LOG.infof("Admin action: POST /admin/keys/rotate by subject %s, client %s, from %s", caller.subject(),
                caller.clientId(), caller.ip());
        return audit.record(caller, "keys.rotated", null, null)
                .chain(keys::rotate)
                .map(active -> new Rotation(active.kid(), keys.published().stream().map(SigningKey::kid).toList()));
    }
}
