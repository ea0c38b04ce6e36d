package io.latchkey.consent.web;

import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.latchkey.common.contract.UserStatus;
import io.latchkey.common.internal.InternalApi;
import io.latchkey.consent.user.UserRepository;
import io.smallrye.mutiny.Uni;

/**
 * Whether a user may still get tokens (docs/internal-api.md): device-service asks before it mints for an approved
 * device code, since the user may have been disabled between approval and redemption. Guarded by the internal secret.
 */
@InternalApi
@Path("/internal/users/{user_id}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Internal: users", description = "Used by device-service; needs X-Latchkey-Internal")
public class InternalUserResource {

    private final UserRepository users;

    public InternalUserResource(UserRepository users) {
        this.users = users;
    }

    @GET
    @Operation(summary = "Whether the user exists and is not disabled")
    public Uni<UserStatus> status(@PathParam("user_id") String userId) {
        UUID id;
        try {
            id = UUID.fromString(userId);
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().item(new UserStatus(userId, false));
        }
        return users.findActiveById(id).map(u -> new UserStatus(userId, u != null));
    }
}
