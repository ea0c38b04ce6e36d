package io.latchkey.device.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import jakarta.ws.rs.core.MultivaluedMap;

import io.latchkey.common.OAuthParams;
import io.latchkey.common.error.OAuthError;
import io.latchkey.device.client.ClientCredentials;

/** Extracts client credentials from a token-endpoint style request (RFC 6749 §2.3). */
final class ClientAuthentication {

    private static final String BASIC = "basic ";

    private ClientAuthentication() {
    }

    /**
     * {@code client_secret_basic}, {@code client_secret_post}, or a public client's bare {@code client_id}.
     * RFC 8628 §3.1/§3.4: client_id is required when the client does not authenticate.
     */
    static ClientCredentials from(String authorization, MultivaluedMap<String, String> form) {
        String formId = Forms.optional(form, OAuthParams.CLIENT_ID);
        String formSecret = Forms.optional(form, OAuthParams.CLIENT_SECRET);
        if (authorization != null && !authorization.isBlank()) {
            if (formSecret != null) {
                // RFC 6749 §2.3: a client MUST NOT use more than one authentication method per request
                throw OAuthError.INVALID_REQUEST.with("Use only one client authentication method.");
            }
            ClientCredentials basic = basic(authorization);
            if (formId != null && !formId.equals(basic.clientId())) {
                throw OAuthError.INVALID_REQUEST.with("client_id does not match the authenticated client.");
            }
            return basic;
        }
        if (formId == null) {
            throw OAuthError.INVALID_REQUEST.with("Missing parameter 'client_id'.");
        }
        return new ClientCredentials(formId, formSecret);
    }

    private static ClientCredentials basic(String authorization) {
        if (authorization.length() <= BASIC.length()
                || !authorization.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
            throw OAuthError.INVALID_CLIENT.with("Unsupported client authentication scheme.");
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(BASIC.length()).trim()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon <= 0) {
                throw OAuthError.INVALID_CLIENT.with("Malformed Basic credentials.");
            }
            // RFC 6749 §2.3.1: id and secret are form-urlencoded before Basic encoding
            String id = URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8);
            String secret = URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8);
            if (id.isEmpty()) {
                throw OAuthError.INVALID_CLIENT.with("Malformed Basic credentials.");
            }
            return new ClientCredentials(id, secret);
        } catch (IllegalArgumentException e) {
            throw OAuthError.INVALID_CLIENT.with("Malformed Basic credentials.");
        }
    }
}
