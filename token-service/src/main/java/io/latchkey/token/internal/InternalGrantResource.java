package io.latchkey.token.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestPath;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.latchkey.common.error.OAuthError;
import io.latchkey.token.revocation.GrantRevocation;
import io.latchkey.token.usage.GrantUsage;
import io.smallrye.mutiny.Uni;

/** Grant revocation and usage for consent-service (docs/internal-api.md, "Grant revocation"). */
@Path("/internal/grants")
@Produces(MediaType.APPLICATION_JSON)
public class InternalGrantResource {

    /** Enough for one page of a user's authorized apps. */
    private static final int MAX_GRANTS_PER_USAGE_CALL = 500;
    private static final int MAX_GRANT_ID_LENGTH = 200;

    public record UsageRequest(@JsonProperty("grant_ids") List<String> grantIds) {
    }

    public record Usage(@JsonProperty("last_used_at") Instant lastUsedAt) {
    }

    private final GrantRevocation revocation;
    private final GrantUsage usage;

    public InternalGrantResource(GrantRevocation revocation, GrantUsage usage) {
        this.revocation = revocation;
        this.usage = usage;
    }

    @POST
    @Path("/{grantId}/revoke")
    @Operation(summary = "Revoke a grant: its refresh tokens die, its access tokens are deny-listed on every gateway")
    public Uni<Response> revoke(@RestPath String grantId) {
        requireGrantId(grantId);
        return revocation.revoke(grantId).replaceWith(() -> Response.noContent().build());
    }

    @POST
    @Path("/usage")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "When each grant last got tokens (issued or refreshed); grants never used are left out")
    public Uni<Map<String, Usage>> usage(UsageRequest request) {
        if (request == null || request.grantIds() == null || request.grantIds().size() > MAX_GRANTS_PER_USAGE_CALL) {
            throw OAuthError.INVALID_REQUEST.with("grant_ids is required (at most " + MAX_GRANTS_PER_USAGE_CALL + ").");
        }
        request.grantIds().forEach(InternalGrantResource::requireGrantId);
        return usage.lastIssued(request.grantIds())
                .map(found -> {
                    Map<String, Usage> out = new LinkedHashMap<>();
                    found.forEach((grantId, at) -> out.put(grantId, new Usage(at)));
                    return out;
                });
    }

    private static void requireGrantId(String grantId) {
        if (grantId == null || grantId.isBlank() || grantId.length() > MAX_GRANT_ID_LENGTH) {
            throw OAuthError.INVALID_REQUEST.with("A grant id is required.");
        }
    }
}
