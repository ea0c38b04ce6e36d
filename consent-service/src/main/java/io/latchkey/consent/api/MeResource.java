package io.latchkey.consent.api;

import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.latchkey.common.error.OAuthError;
import io.latchkey.common.trust.GatewayProof;
import io.latchkey.common.trust.TrustHeaders;
import io.latchkey.consent.client.ClientDirectory;
import io.latchkey.common.Scopes;
import io.latchkey.consent.user.UserRepository;
import io.smallrye.mutiny.Uni;

/**
 * {@code GET /api/v1/me}: the first API a partner app calls. The gateway has verified the access token and passes
 * the identity in X-Latchkey-* headers next to its identity proof (oauth-common {@link GatewayProof}); without that
 * proof nothing here is believed.
 */
@Path("/api/v1/me")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Resource API", description = "Called with an access token through the gateway (RFC 6750)")
public class MeResource {

    public static final String SUBJECT = TrustHeaders.SUBJECT;
    public static final String CLIENT_ID = TrustHeaders.CLIENT_ID;
    public static final String SCOPE = TrustHeaders.SCOPE;
    public static final String GRANT_ID = TrustHeaders.GRANT_ID;
    static final String PROFILE = "profile";

    // named for the merged /openapi, where other services' schemas live too (token-service has a ClientView)
    @Schema(name = "MeUser")
    public record UserView(@JsonProperty("id") String id, @JsonProperty("email") String email,
                           @JsonProperty("display_name") String displayName) {
    }

    @Schema(name = "MeClient")
    public record ClientView(@JsonProperty("client_id") String clientId, @JsonProperty("client_name") String clientName) {
    }

    @Schema(name = "Me")
    public record Me(@JsonProperty("user") UserView user, @JsonProperty("client") ClientView client,
                     @JsonProperty("scopes") Set<String> scopes, @JsonProperty("grant_id") String grantId) {
    }

    private final GatewayProof gateway;
    private final UserRepository users;
    private final ClientDirectory clients;

    public MeResource(GatewayProof gateway, UserRepository users, ClientDirectory clients) {
        this.gateway = gateway;
        this.users = users;
        this.clients = clients;
    }

    @GET
    @Tag(name = "API")
    @Operation(operationId = "me",
            summary = "The signed-in user's profile, and which app and scopes the access token carries")
    @SecurityRequirement(name = io.latchkey.common.openapi.OAuthComponents.BEARER, scopes = "profile")
    @APIResponse(responseCode = "200", description = "The token's user, client and scopes", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Me.class),
            examples = @ExampleObject(name = "demo", value = "{\"user\":{\"id\":\"7d0c5b1e-7a51-4d8e-9a55-2f4b1c3e9a10\","
                    + "\"email\":\"demo@latchkey.dev\",\"display_name\":\"Demo User\"},\"client\":{\"client_id\":"
                    + "\"latchkey-cli\",\"client_name\":\"Latchkey CLI\"},\"scopes\":[\"profile\",\"db:read\"],"
                    + "\"grant_id\":\"0b9f3c2a-1d4e-4f6a-8b7c-9d0e1f2a3b4c\"}")))
    @APIResponse(responseCode = "401", ref = io.latchkey.common.openapi.OAuthComponents.INVALID_TOKEN)
    @APIResponse(responseCode = "403", ref = io.latchkey.common.openapi.OAuthComponents.FORBIDDEN)
    @APIResponse(responseCode = "429", ref = io.latchkey.common.openapi.OAuthComponents.TOO_MANY)
    @APIResponse(responseCode = "503", ref = io.latchkey.common.openapi.OAuthComponents.UNAVAILABLE)
    public Uni<Me> me(@Parameter(hidden = true) @Context HttpHeaders headers) {
        BearerIdentity token = BearerIdentity.of(headers, gateway);
        token.require(PROFILE);
        UUID userId = token.userId();
        return users.findActiveById(userId)
                .flatMap(user -> {
                    if (user == null) {
                        throw BearerIdentity.invalidToken("The access token does not belong to an active user.");
                    }
                    return clients.find(token.clientId())
                            .map(client -> new Me(new UserView(user.id.toString(), user.username, user.displayName),
                                    new ClientView(client.clientId(), client.displayName()), token.scopes(),
                                    token.grantId()));
                });
    }
}
