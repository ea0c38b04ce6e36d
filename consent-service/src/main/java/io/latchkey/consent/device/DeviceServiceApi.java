package io.latchkey.consent.device;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.latchkey.common.OAuthParams;
import io.latchkey.common.contract.DeviceApproval;
import io.latchkey.common.contract.PendingDeviceAuthorization;
import io.smallrye.mutiny.Uni;

/** device-service's internal API (docs/internal-api.md); every call carries the internal secret. */
@RegisterRestClient(configKey = "device-service")
@Path("/internal/device/user-codes")
@Produces(MediaType.APPLICATION_JSON)
@ClientHeaderParam(name = OAuthParams.INTERNAL_AUTH_HEADER, value = "${latchkey.internal.secret}")
public interface DeviceServiceApi {

    @GET
    @Path("/{user_code}")
    Uni<PendingDeviceAuthorization> find(@PathParam("user_code") String userCode);

    @POST
    @Path("/{user_code}/approve")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Void> approve(@PathParam("user_code") String userCode, DeviceApproval approval);

    @POST
    @Path("/{user_code}/deny")
    Uni<Void> deny(@PathParam("user_code") String userCode);
}
