package io.latchkey.consent.web;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.latchkey.common.Form;
import io.latchkey.common.error.OAuthError;
import io.latchkey.common.trust.OperatorIdentity;
import io.latchkey.common.trust.OperatorIdentity.Caller;
import io.latchkey.consent.admin.PageCursor;
import io.latchkey.consent.admin.UserAdmin;
import io.latchkey.consent.admin.UserAdmin.NewUser;
import io.latchkey.consent.json.StrictJson;
import io.latchkey.consent.user.User;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

/**
 * The users admin API ({@code /admin/users}, JSON): bearer scope {@code admin} at the gateway, and checked again
 * here from the gateway's identity headers ({@link OperatorIdentity}).
 */
@Path("/admin/users")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: users", description = "Operator access token with scope admin")
public class AdminUsersResource {

    private static final Set<String> CREATE_FIELDS = Set.of("email", "display_name", "password");
    private static final int MAX_BODY = 4096;

    public record UserView(@JsonProperty("id") String id, @JsonProperty("email") String email,
                           @JsonProperty("display_name") String displayName,
                           @JsonProperty("operator") boolean operator, @JsonProperty("disabled") boolean disabled,
                           @JsonProperty("created_at") OffsetDateTime createdAt) {
        static UserView of(User u) {
            return new UserView(u.id.toString(), u.username, u.displayName, u.operator, u.disabled, u.createdAt);
        }
    }

    public record UserList(@JsonProperty("users") List<UserView> users,
                           @JsonProperty("next_cursor") String nextCursor) {
    }

    public record DisableResult(@JsonProperty("user") UserView user,
                                @JsonProperty("sessions_ended") int sessionsEnded,
                                @JsonProperty("grants_revoked") int grantsRevoked) {
    }

    private final OperatorIdentity identity;
    private final UserAdmin admin;
    private final ObjectMapper json;

    public AdminUsersResource(OperatorIdentity identity, UserAdmin admin, ObjectMapper json) {
        this.identity = identity;
        this.admin = admin;
        this.json = json;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a user (email, display_name, password); 201 with id, 409 when the email is taken")
    public Uni<Response> create(byte[] body, @Context HttpHeaders headers) {
        Caller caller = identity.require(headers);
        StrictJson in = StrictJson.object(json, body, MAX_BODY, CREATE_FIELDS);
        NewUser user = new NewUser(in.text("email", true, UserAdmin.MAX_EMAIL),
                in.text("display_name", true, UserAdmin.MAX_DISPLAY_NAME),
                in.text("password", true, UserAdmin.MAX_PASSWORD));
        return admin.create(caller, user)
                .map(created -> Response.status(201).header("Location", "/admin/users/" + created.id)
                        .header("Cache-Control", "no-store").entity(UserView.of(created)).build());
    }

    @GET
    @Operation(summary = "Users in creation order: email=… (exact), q=… (contains), limit, cursor")
    public Uni<UserList> list(@Context HttpHeaders headers, @Context HttpServerRequest request) {
        identity.require(headers);
        Form query = Form.query(request.query());
        PageCursor page = PageCursor.of(query);
        return admin.list(query.optional("email"), query.optional("q"), page)
                .map(p -> new UserList(p.users().stream().map(UserView::of).toList(), p.nextCursor()));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One user")
    public Uni<UserView> show(@RestPath String id, @Context HttpHeaders headers) {
        identity.require(headers);
        UUID userId = userId(id);
        return admin.find(userId).map(u -> UserView.of(orNotFound(u)));
    }

    @POST
    @Path("{id}/disable")
    @Operation(summary = "Disable: sign-in refused, every session ended, every grant revoked (idempotent)")
    public Uni<DisableResult> disable(@RestPath String id, @Context HttpHeaders headers) {
        Caller caller = identity.require(headers);
        UUID userId = userId(id);
        return admin.disable(caller, userId)
                .map(d -> {
                    orNotFound(d == null ? null : d.user());
                    return new DisableResult(UserView.of(d.user()), d.sessionsEnded(), d.grantsRevoked());
                });
    }

    @POST
    @Path("{id}/enable")
    @Operation(summary = "Enable again (revoked grants stay revoked)")
    public Uni<UserView> enable(@RestPath String id, @Context HttpHeaders headers) {
        Caller caller = identity.require(headers);
        UUID userId = userId(id);
        return admin.enable(caller, userId).map(u -> UserView.of(orNotFound(u)));
    }

    static UUID userId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw OAuthError.NOT_FOUND.with("No such user.");
        }
    }

    private static User orNotFound(User u) {
        if (u == null) {
            throw OAuthError.NOT_FOUND.with("No such user.");
        }
        return u;
    }
}
