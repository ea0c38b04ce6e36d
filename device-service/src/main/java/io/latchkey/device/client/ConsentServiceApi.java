package io.latchkey.device.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.latchkey.common.OAuthParams;
import io.latchkey.common.contract.UserStatus;
import io.latchkey.common.error.OAuthError;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import io.smallrye.mutiny.Uni;

/** consent-service's internal user-status route (docs/internal-api.md). */
@RegisterRestClient(configKey = "consent-service")
@Path("/internal/users")
@Produces(MediaType.APPLICATION_JSON)
public interface ConsentServiceApi {

    @GET
    @Path("/{user_id}")
    Uni<UserStatus> status(@HeaderParam(OAuthParams.INTERNAL_AUTH_HEADER) String internalSecret,
            @PathParam("user_id") String userId);

    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        // any refusal from consent-service is an outage from the device's point of view: retry later
        return OAuthError.TEMPORARILY_UNAVAILABLE.with("A backing service is unavailable; retry shortly.");
    }
}
