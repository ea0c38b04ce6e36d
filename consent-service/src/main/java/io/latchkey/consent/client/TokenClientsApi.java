package io.latchkey.consent.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.latchkey.common.OAuthParams;
import io.smallrye.mutiny.Uni;

/**
 * token-service's client management routes (docs/internal-api.md, "Client management"), used by partner pages and
 * the operator console. Bodies are RFC 7591 metadata as oauth-common {@code ClientMetadata} writes it; the answers
 * (a registration, or an RFC error body) are read by {@link ClientRegistrations}, whatever their status.
 */
@RegisterRestClient(configKey = "token-service")
@Path("/internal/clients")
@Produces(MediaType.APPLICATION_JSON)
@ClientHeaderParam(name = OAuthParams.INTERNAL_AUTH_HEADER, value = "${latchkey.internal.secret}")
public interface TokenClientsApi {

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Response> create(String metadata);

    @GET
    Uni<Response> list(@QueryParam("q") String q, @QueryParam("owner") String owner,
                       @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor);

    @GET
    @Path("/{client_id}/registration")
    Uni<Response> registration(@PathParam("client_id") String clientId);

    @PUT
    @Path("/{client_id}")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Response> update(@PathParam("client_id") String clientId, String metadata);

    @POST
    @Path("/{client_id}/secret")
    Uni<Response> rotateSecret(@PathParam("client_id") String clientId);

    @POST
    @Path("/{client_id}/disable")
    Uni<Response> disable(@PathParam("client_id") String clientId);

    @POST
    @Path("/{client_id}/enable")
    Uni<Response> enable(@PathParam("client_id") String clientId);
}
