package io.latchkey.consent.api;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.latchkey.common.Claims;
import io.latchkey.common.oidc.UserClaims;
import io.latchkey.common.trust.GatewayProof;
import io.latchkey.consent.login.OidcIdentity;
import io.latchkey.consent.user.UserRepository;
import io.smallrye.mutiny.Uni;

/**
 * OIDC Core §5.3 UserInfo endpoint: the claims about the user that the access token's scopes allow (§5.4). Behind
 * the gateway as a bearer route needing {@code openid}: the gateway verifies the token (RFC 6750) and forwards the
 * verified identity, like {@code /api/v1/me}. Plain JSON only (§5.3.2; no signed or encrypted responses).
 */
@Path("/oauth/userinfo")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "OpenID Connect", description = "Called with an access token through the gateway (RFC 6750)")
public class UserInfoResource {

    private final GatewayProof gateway;
    private final UserRepository users;

    public UserInfoResource(GatewayProof gateway, UserRepository users) {
        this.gateway = gateway;
        this.users = users;
    }

    @GET
    @Operation(summary = "OpenID Connect UserInfo: sub, and the profile and email claims the token's scopes allow")
    @APIResponse(responseCode = "200", description = "sub, plus name/preferred_username (profile), email/email_verified (email)")
    @APIResponse(responseCode = "401", description = "invalid_token: no valid access token (checked by the gateway)")
    @APIResponse(responseCode = "403", description = "insufficient_scope: the token lacks the openid scope")
    public Uni<Response> get(@Context HttpHeaders headers) {
        return userInfo(headers);
    }

    /** OIDC Core §5.3.1: the UserInfo endpoint MUST support POST too. */
    @POST
    @Operation(summary = "OpenID Connect UserInfo (POST)")
    public Uni<Response> post(@Context HttpHeaders headers) {
        return userInfo(headers);
    }

    private Uni<Response> userInfo(HttpHeaders headers) {
        BearerIdentity token = BearerIdentity.of(headers, gateway);
        // OIDC Core §5.3: an access token obtained through an OpenID Connect request (scope openid)
        token.require(UserClaims.OPENID);
        return users.findActiveById(token.userId())
                .map(user -> {
                    if (user == null) {
                        throw BearerIdentity.invalidToken("The access token does not belong to an active user.");
                    }
                    Map<String, Object> claims = new LinkedHashMap<>();
                    // OIDC Core §5.3.2: sub is always returned, and is the ID Token's sub
                    claims.put(Claims.SUB, user.id.toString());
                    claims.putAll(UserClaims.of(token.scopes(), OidcIdentity.ofUser(user)));
                    // OIDC Core §5.3.2: the response describes the user; it must not be cached by intermediaries
                    return Response.ok(claims).header("Cache-Control", "no-store").build();
                });
    }
}
