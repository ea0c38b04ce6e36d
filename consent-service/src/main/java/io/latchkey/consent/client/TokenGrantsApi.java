package io.latchkey.consent.client;

import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.latchkey.common.OAuthParams;
import io.latchkey.common.contract.GrantUsageReport;
import io.latchkey.common.contract.GrantUsageRequest;
import io.latchkey.common.contract.SessionRevoked;
import io.smallrye.mutiny.Uni;

/** token-service's grant routes (docs/internal-api.md, "Grant revocation" and "Sessions"). */
@RegisterRestClient(configKey = "token-service")
@Path("/internal/grants")
@Produces(MediaType.APPLICATION_JSON)
@ClientHeaderParam(name = OAuthParams.INTERNAL_AUTH_HEADER, value = "${latchkey.internal.secret}")
public interface TokenGrantsApi {

    /** Kills the grant's refresh tokens and deny-lists its access tokens on every gateway. Idempotent. */
    @POST
    @Path("/{grant_id}/revoke")
    Uni<Void> revoke(@PathParam("grant_id") String grantId);

    /**
     * Revokes one session (refresh-token family) of the grant like an RFC 7009 refresh-token revocation; its access
     * tokens are denied by {@code sid} at every gateway. Idempotent; 404 when the family is not under that grant.
     */
    @POST
    @Path("/{grant_id}/sessions/{session_id}/revoke")
    Uni<SessionRevoked> revokeSession(@PathParam("grant_id") String grantId, @PathParam("session_id") String sessionId);

    /** When each grant last got tokens and its live sessions, newest first; grants with no record are absent. */
    @POST
    @Path("/usage")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Map<String, GrantUsageReport>> usage(GrantUsageRequest request);
}
