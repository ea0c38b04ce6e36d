package io.latchkey.token.internal;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestPath;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.latchkey.common.internal.InternalApi;
import io.latchkey.common.error.OAuthError;
import io.latchkey.token.revocation.GrantRevocation;
import io.smallrye.mutiny.Uni;

/** Grant revocation for consent-service ("revoke an app"; docs/internal-api.md). */
@InternalApi
@Path("/internal/grants")
@Produces(MediaType.APPLICATION_JSON)
public class InternalGrantResource {

    public record RevokedView(@JsonProperty("grant_id") String grantId,
                              @JsonProperty("revoked_at") String revokedAt,
                              @JsonProperty("refresh_tokens_revoked") int refreshTokensRevoked) {
    }

    /** Enough for one page of a user's authorized apps. */
    private static final int MAX_GRANTS_PER_USAGE_CALL = 500;

    public record UsageRequest(@JsonProperty("grant_ids") java.util.List<String> grantIds) {
    }

    public record Usage(@JsonProperty("last_used_at") java.time.Instant lastUsedAt) {
    }

    private final GrantRevocation revocation;
    private final io.latchkey.token.usage.GrantUsage usage;

    public InternalGrantResource(GrantRevocation revocation, io.latchkey.token.usage.GrantUsage usage) {
        this.revocation = revocation;
        this.usage = usage;
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

    @POST
    @Path("/usage")
    @jakarta.ws.rs.Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "When each grant last got tokens (issued or refreshed); grants never used are left out")
    public Uni<java.util.Map<String, Usage>> usage(UsageRequest request) {
        if (request == null || request.grantIds() == null || request.grantIds().size() > MAX_GRANTS_PER_USAGE_CALL) {
            throw OAuthError.INVALID_REQUEST.with("grant_ids is required (at most " + MAX_GRANTS_PER_USAGE_CALL + ").");
        }
        for (String id : request.grantIds()) {
            if (id == null || id.isBlank() || id.length() > 200) {
                throw OAuthError.INVALID_REQUEST.with("Invalid grant id.");
            }
        }
        return usage.lastIssued(request.grantIds())
                .map(found -> {
                    java.util.Map<String, Usage> out = new java.util.LinkedHashMap<>();
                    found.forEach((grantId, at) -> out.put(grantId, new Usage(at)));
                    return out;
                });
    }
}
