package io.latchkey.token.grant;

import io.latchkey.common.Form;
import io.latchkey.token.client.Client;
import io.latchkey.token.web.TokenResponse;
import io.smallrye.mutiny.Uni;

/** One OAuth grant type at the token endpoint. The client is already authenticated. */
public interface GrantHandler {

    /** The {@code grant_type} value this handler answers. */
    String grantType();

    Uni<TokenResponse> handle(Client client, Form form);
}
