package io.latchkey.consent.client;

import io.latchkey.common.contract.ClientInfo;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.latchkey.common.OAuthParams;
import io.smallrye.mutiny.Uni;

/** token-service's internal client registry (docs/internal-api.md). */
@RegisterRestClient(configKey = "token-service")
@Path("/internal/clients")
@Produces(MediaType.APPLICATION_JSON)
@ClientHeaderParam(name = OAuthParams.INTERNAL_AUTH_HEADER, value = "${latchkey.internal.secret}")
public interface TokenClientLookupApi {

    @GET
    @Path("/{client_id}")
    Uni<ClientInfo> find(@PathParam("client_id") String clientId);
}
