package io.latchkey.device.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.latchkey.common.contract.ClientAuthenticationRequest;
import io.latchkey.common.contract.ClientInfo;
import io.latchkey.common.contract.TokenMintRequest;
import io.latchkey.common.OAuthParams;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import io.smallrye.mutiny.Uni;

/** token-service's internal API (docs/internal-api.md), over pooled keep-alive connections. */
@RegisterRestClient(configKey = "token-service")
@Path("/internal")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface TokenServiceApi {

    @POST
    @Path("/clients/authenticate")
    Uni<ClientInfo> authenticate(@HeaderParam(OAuthParams.INTERNAL_AUTH_HEADER) String internalSecret,
            ClientAuthenticationRequest request);

    /** Answers the RFC 6749 §5.1 token response as raw JSON, passed through unchanged. */
    @POST
    @Path("/tokens")
    Uni<String> mint(@HeaderParam(OAuthParams.INTERNAL_AUTH_HEADER) String internalSecret, TokenMintRequest request);

    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        return TokenServiceErrors.toException(response);
    }
}
