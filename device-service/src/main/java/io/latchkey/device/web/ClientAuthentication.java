package io.latchkey.device.web;



import io.latchkey.common.Form;
import io.latchkey.common.OAuthParams;
import io.latchkey.device.client.CallerCredentials;

/** Extracts client credentials from a token-endpoint style request (RFC 6749 §2.3). */
final class ClientAuthentication {

    private ClientAuthentication() {
    }

    /**
     * {@code client_secret_basic}, {@code client_secret_post}, or a public client's bare {@code client_id}.
     * RFC 8628 §3.1/§3.4: client_id is required when the client does not authenticate.
     */
    static CallerCredentials from(String authorization, Form form) {
        io.latchkey.common.ClientCredentials parsed = io.latchkey.common.ClientCredentials.parse(authorization,
                form.optional(OAuthParams.CLIENT_ID), form.optional(OAuthParams.CLIENT_SECRET));
        return new CallerCredentials(parsed.clientId(), parsed.clientSecret());
    }
}
