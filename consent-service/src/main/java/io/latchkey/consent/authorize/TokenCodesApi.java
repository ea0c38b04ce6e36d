package io.latchkey.consent.authorize;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.latchkey.common.OAuthParams;
import io.latchkey.common.contract.CodeIssueRequest;
import io.latchkey.common.contract.IssuedAuthorizationCode;
import io.smallrye.mutiny.Uni;

/** token-service's internal code issuer (docs/internal-api.md): token-service owns authorization codes. */
@RegisterRestClient(configKey = "token-service")
@Path("/internal/codes")
@ClientHeaderParam(name = OAuthParams.INTERNAL_AUTH_HEADER, value = "${latchkey.internal.secret}")
public interface TokenCodesApi {

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Uni<IssuedAuthorizationCode> issue(CodeIssueRequest request);
}
