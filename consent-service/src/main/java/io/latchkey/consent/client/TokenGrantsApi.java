package io.latchkey.consent.client;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.latchkey.common.OAuthParams;
import io.smallrye.mutiny.Uni;

/** token-service's grant routes (docs/internal-api.md, "Grant revocation"). */
@RegisterRestClient(configKey = "token-service")
@Path("/internal/grants")
@Produces(MediaType.APPLICATION_JSON)
@ClientHeaderParam(name = OAuthParams.INTERNAL_AUTH_HEADER, value = "${latchkey.internal.secret}")
public interface TokenGrantsApi {

    record UsageRequest(@JsonProperty("grant_ids") List<String> grantIds) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Usage(@JsonProperty("last_used_at") Instant lastUsedAt) {
    }

    /** Kills the grant's refresh tokens and deny-lists its access tokens on every gateway. Idempotent. */
    @POST
    @Path("/{grant_id}/revoke")
    Uni<Void> revoke(@PathParam("grant_id") String grantId);

    /** When each grant last got tokens; grants never used are absent. */
    @POST
    @Path("/usage")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Map<String, Usage>> usage(UsageRequest request);
}
