package io.latchkey.device.web;

import java.time.Instant;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.server.Cancellable;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.latchkey.common.internal.InternalApi;
import io.latchkey.common.contract.DeviceApproval;
import io.latchkey.common.contract.PendingDeviceAuthorization;
import io.latchkey.common.error.OAuthError;
import io.latchkey.common.error.OAuthException;
import io.latchkey.common.error.OAuthExceptionMapper;
import io.latchkey.device.device.UserApproval;
import io.latchkey.device.device.Decision;
import io.latchkey.device.device.DeviceAuthorization;
import io.latchkey.device.device.UserCodeHasher;
import io.latchkey.device.device.UserCodeGenerator;
import io.latchkey.device.store.DeviceAuthorizationStore;
import io.smallrye.mutiny.Uni;

/** consent-service's view of device authorizations, by user code (docs/internal-api.md). */
@InternalApi
@Path("/internal/device/user-codes/{user_code}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Internal: device authorizations", description = "Used by consent-service; needs X-Latchkey-Internal")
public class InternalDeviceResource {

    private final DeviceAuthorizationStore store;
    private final UserCodeHasher userCodes;

    public InternalDeviceResource(DeviceAuthorizationStore store, UserCodeHasher userCodes) {
        this.store = store;
        this.userCodes = userCodes;
    }

    @GET
    @Operation(summary = "The pending device authorization behind a user code (404 when unknown, used or expired)")
    public Uni<PendingDeviceAuthorization> lookup(@PathParam("user_code") String typed) {
        String userCode = canonical(typed);
        return store.findPendingByUserCode(userCodes.hash(userCode), System.currentTimeMillis())
                .onItem().ifNull().failWith(InternalDeviceResource::unknown)
                .map(a -> toView(userCode, a));
    }

    @POST
    @Path("/approve")
    // a decision is recorded even when the caller hangs up mid-way (Quarkus REST would cancel it on disconnect)
    @Cancellable(false)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record the user's approval (204; 404 unknown or expired; 409 already decided)")
    public Uni<Response> approve(@PathParam("user_code") String typed, DeviceApproval body) {
        String userCode = canonical(typed);
        if (body == null || isBlank(body.subject()) || isBlank(body.grantId())) {
            throw OAuthError.INVALID_REQUEST.with("subject and grant_id are required.");
        }
        UserApproval approval = new UserApproval(body.subject(), body.grantId(), body.scope(),
                io.latchkey.common.oidc.IdentityChecks.checked(body.identity()));
        return store.approve(userCodes.hash(userCode), approval, System.currentTimeMillis())
                .map(InternalDeviceResource::toResponse);
    }

    @POST
    @Path("/deny")
    // a decision is recorded even when the caller hangs up mid-way (Quarkus REST would cancel it on disconnect)
    @Cancellable(false)
    @Operation(summary = "Record the user's denial (204; 404 unknown or expired; 409 already decided)")
    public Uni<Response> deny(@PathParam("user_code") String typed) {
        String userCode = canonical(typed);
        return store.deny(userCodes.hash(userCode), System.currentTimeMillis())
                .map(InternalDeviceResource::toResponse);
    }

    /** RFC 8628 §6.1: case-insensitive, dashes and whitespace ignored; anything else outside the alphabet is unknown. */
    private static String canonical(String typed) {
        String userCode = io.latchkey.common.UserCodes.normalize(typed);
        if (userCode == null) {
            throw unknown();
        }
        return userCode;
    }

    private static Response toResponse(Decision decision) {
        return switch (decision) {
            case DONE -> Response.noContent().build();
            case NOT_FOUND -> OAuthExceptionMapper.toResponse(unknown());
            // single use: a decided user code cannot be decided again
            case CONFLICT -> Response.fromResponse(OAuthExceptionMapper.toResponse(
                    OAuthError.INVALID_REQUEST.with("The authorization is no longer pending."))).status(409).build();
            case INVALID_SCOPE -> OAuthExceptionMapper.toResponse(
                    OAuthError.INVALID_SCOPE.with("The approved scope exceeds the requested scope."));
        };
    }

    private static PendingDeviceAuthorization toView(String userCode, DeviceAuthorization a) {
        return new PendingDeviceAuthorization(io.latchkey.common.UserCodes.display(userCode), a.clientId(), a.scope(), a.status().wire(),
                Instant.ofEpochMilli(a.requestedAt()).toString(), Instant.ofEpochMilli(a.expiresAt()).toString(),
                a.deviceIp(), a.userAgent());
    }

    private static OAuthException unknown() {
        return OAuthError.NOT_FOUND.with("Unknown or expired user code.");
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
