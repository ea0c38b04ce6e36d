package io.latchkey.token.internal;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.latchkey.common.contract.IdTokenHintCheck;
import io.latchkey.common.contract.IdTokenHintSubject;
import io.latchkey.common.internal.InternalApi;
import io.latchkey.common.jwt.TokenRejected;
import io.latchkey.common.error.OAuthError;
import io.latchkey.token.jwt.IdTokenHints;

/**
 * OpenID Connect RP-Initiated Logout 1.0 §2: consent-service (owner of browser sessions) asks who an
 * {@code id_token_hint} names before it ends a session without asking the user (docs/internal-api.md).
 */
@InternalApi
@Path("/internal/id-token-hints")
public class InternalIdTokenHintResource {

    private final IdTokenHints hints;

    public InternalIdTokenHintResource(IdTokenHints hints) {
        this.hints = hints;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The user and client an ID Token this server signed names (exp not checked)")
    public IdTokenHintSubject check(IdTokenHintCheck r) {
        if (r == null || r.idTokenHint() == null) {
            throw OAuthError.INVALID_REQUEST.with("id_token_hint is required.");
        }
        try {
            IdTokenHints.Hint hint = hints.check(r.idTokenHint());
            return new IdTokenHintSubject(hint.subject(), hint.clientId());
        } catch (TokenRejected e) {
            // why the verifier refused it is for the log; the caller learns only that it is not a valid hint
            throw OAuthError.INVALID_REQUEST.with("The id_token_hint is not an ID Token this server signed.")
                    .withLogDetail("id_token_hint refused: " + e.getMessage());
        }
    }
}
