package io.latchkey.token.internal;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestPath;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.latchkey.common.error.OAuthError;
import io.latchkey.token.revocation.GrantRevocation;
import io.smallrye.mutiny.Uni;

/** Grant revocation for consent-service ("revoke an app"; docs/internal-api.md). */
@Path("/internal/grants")
@Produces(MediaType.APPLICATION_JSON)
public class InternalGrantResource {

    public record RevokedView(@JsonProperty("grant_id") String grantId,
                              @JsonProperty("revoked_at") String revokedAt,
                              @JsonProperty("refresh_tokens_revoked") int refreshTokensRevoked) {
    }

    private final GrantRevocation revocation;

    public InternalGrantResource(GrantRevocation revocation) {
        this.revocation = revocation;
    }

    @POST
    @Path("/{grantId}/revoke")
    @Operation(summary = "Revoke a grant: its refresh tokens now, its access tokens through the deny-list")
    public Uni<RevokedView> revoke(@RestPath String grantId) {
        if (grantId == null || grantId.isBlank() || grantId.length() > 200) {
            throw OAuthError.INVALID_REQUEST.with("Invalid grant id.");
        }
        return revocation.revoke(grantId)
                .map(r -> new RevokedView(r.grantId(), r.revokedAt().toString(), r.refreshTokensRevoked()));
    }
}
