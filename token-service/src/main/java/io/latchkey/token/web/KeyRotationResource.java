package io.latchkey.token.web;

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
    @Operation(summary = "Rotate the signing key; older keys stay in the JWKS until their tokens have expired")
    public Uni<Rotation> rotate(@Context HttpHeaders headers) {
        OperatorIdentity.Caller caller = operators.require(headers);
        return audit.record(caller, "keys.rotated", null, null)
                .chain(keys::rotate)
                .map(active -> new Rotation(active.kid(), keys.published().stream().map(SigningKey::kid).toList()));
    }
}
