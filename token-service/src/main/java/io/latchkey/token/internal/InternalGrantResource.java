package io.latchkey.token.internal;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestPath;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.latchkey.common.contract.GrantUsageReport;
import io.latchkey.common.contract.GrantUsageRequest;
import io.latchkey.common.contract.SessionRevoked;
import io.latchkey.common.internal.InternalApi;
import io.latchkey.common.error.OAuthError;
import io.latchkey.token.revocation.FamilyRevocation;
import io.latchkey.token.revocation.GrantRevocation;
import io.latchkey.token.usage.GrantSessions;
import io.smallrye.mutiny.Uni;

/** Grants and their sessions for consent-service: revoke an app, revoke one session, usage (docs/internal-api.md). */
@InternalApi
@Path("/internal/grants")
@Produces(MediaType.APPLICATION_JSON)
public class InternalGrantResource {

    public record RevokedView(@JsonProperty("grant_id") String grantId,
                              @JsonProperty("revoked_at") String revokedAt,
                              @JsonProperty("refresh_tokens_revoked") int refreshTokensRevoked) {
    }

    /** A session id is a family UUID in its canonical lower- or upper-case form, nothing else. */
    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private static final int MAX_GRANT_ID = 200;

    private final GrantRevocation revocation;
    private final FamilyRevocation families;
    private final GrantSessions sessions;

    public InternalGrantResource(GrantRevocation revocation, FamilyRevocation families, GrantSessions sessions) {
        this.revocation = revocation;
        this.families = families;
        this.sessions = sessions;
    }

    @POST
    @Path("/{grantId}/revoke")
    @Operation(summary = "Revoke a grant: its refresh tokens now, its access tokens through the deny-list")
    public Uni<RevokedView> revoke(@RestPath String grantId) {
        checkGrantId(grantId);
        return revocation.revoke(grantId)
                .map(r -> new RevokedView(r.grantId(), r.revokedAt().toString(), r.refreshTokensRevoked()));
    }

    @POST
    @Path("/{grantId}/sessions/{sessionId}/revoke")
    @Operation(summary = "Revoke one session of a grant (a refresh-token family): its refresh tokens now, its access "
            + "tokens through the deny-list")
    public Uni<SessionRevoked> revokeSession(@RestPath String grantId, @RestPath String sessionId) {
        checkGrantId(grantId);
        if (sessionId == null || !UUID_TEXT.matcher(sessionId).matches()) {
            throw OAuthError.INVALID_REQUEST.with("Invalid session id.");
        }
        UUID familyId = UUID.fromString(sessionId);
        // RFC 7009 §2.1: like revoking its refresh token: the family and its access tokens (sid)
        return families.revokeUnder(familyId, grantId, "session_revoked")
                .map(r -> {
                    if (r == null) {
                        throw OAuthError.NOT_FOUND.with("No such session under this grant.");
                    }
                    return new SessionRevoked(grantId, familyId, r.revokedAt(), r.refreshTokensRevoked());
                });
    }

    @POST
    @Path("/usage")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "When each grant last got tokens (issued or refreshed) and its live sessions; grants without "
            + "a session on record are left out")
    public Uni<Map<String, GrantUsageReport>> usage(GrantUsageRequest request) {
        if (request == null || request.grantIds() == null || request.grantIds().size() > GrantUsageRequest.MAX_GRANTS) {
            throw OAuthError.INVALID_REQUEST.with("grant_ids is required (at most " + GrantUsageRequest.MAX_GRANTS + ").");
        }
        List<String> ids = request.grantIds();
        for (String id : ids) {
            checkGrantId(id);
        }
        return sessions.report(ids.stream().distinct().toList());
    }

    private static void checkGrantId(String grantId) {
        if (grantId == null || grantId.isBlank() || grantId.length() > MAX_GRANT_ID) {
            throw OAuthError.INVALID_REQUEST.with("Invalid grant id.");
        }
    }
}
