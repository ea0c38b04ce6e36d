package io.latchkey.consent.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.latchkey.common.OAuthParams;
import io.latchkey.common.contract.IdTokenHintCheck;
import io.latchkey.common.contract.IdTokenHintSubject;
import io.smallrye.mutiny.Uni;

/** token-service's id_token_hint check (docs/internal-api.md): token-service owns the signing keys. */
@RegisterRestClient(configKey = "token-service")
@Path("/internal/id-token-hints")
@ClientHeaderParam(name = OAuthParams.INTERNAL_AUTH_HEADER, value = "${latchkey.internal.secret}")
public interface TokenHintsApi {

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Uni<IdTokenHintSubject> check(IdTokenHintCheck request);
}
