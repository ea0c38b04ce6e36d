package io.latchkey.token.web;

import io.latchkey.common.ClientCredentials;
import io.latchkey.common.Form;
import io.latchkey.common.OAuthParams;
import io.latchkey.common.error.OAuthError;

/** Client identification on the revocation and introspection endpoints. */
final class ClientRequests {

    private ClientRequests() {
    }

    /** The credentials the request carries; a request that carries none is {@code invalid_client} (401). */
    static ClientCredentials credentials(String authorization, Form form) {
        String clientId = form.optional(OAuthParams.CLIENT_ID);
        // RFC 7009 §2.1, RFC 7662 §2.1: these endpoints are for authenticated clients only
        if ((authorization == null || authorization.isBlank()) && clientId == null) {
            throw OAuthError.INVALID_CLIENT.with("Client authentication failed.");
        }
        return ClientCredentials.parse(authorization, clientId, form.optional(OAuthParams.CLIENT_SECRET));
    }
}
