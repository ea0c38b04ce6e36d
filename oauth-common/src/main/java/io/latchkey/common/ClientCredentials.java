package io.latchkey.common;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import io.latchkey.common.error.OAuthError;

/**
 * The client identification a request carries: HTTP Basic ({@code client_secret_basic}), form parameters
 * ({@code client_secret_post}) or a bare {@code client_id} (public client, {@code none}).
 */
public record ClientCredentials(String clientId, String clientSecret, Method method) {

    public enum Method { CLIENT_SECRET_BASIC, CLIENT_SECRET_POST, NONE }

    /**
     * @param authorization the Authorization header, or null
     * @param formClientId  the {@code client_id} form parameter, or null
     * @param formSecret    the {@code client_secret} form parameter, or null
     */
    public static ClientCredentials parse(String authorization, String formClientId, String formSecret) {
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            // RFC 6749 §2.3.1: a client MUST NOT use more than one authentication method per request
            if (formSecret != null) {
                throw OAuthError.INVALID_REQUEST.with("Use one client authentication method, not two.");
            }
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                        StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw OAuthError.INVALID_CLIENT.with("Malformed Basic credentials.");
            }
            int colon = decoded.indexOf(':');
            if (colon < 1) {
                throw OAuthError.INVALID_CLIENT.with("Malformed Basic credentials.");
            }
            // RFC 6749 §2.3.1: id and secret are form-urlencoded before Basic encoding
            String id = urlDecode(decoded.substring(0, colon));
            String secret = urlDecode(decoded.substring(colon + 1));
            if (formClientId != null && !formClientId.equals(id)) {
                throw OAuthError.INVALID_REQUEST.with("client_id does not match the authenticated client.");
            }
            return new ClientCredentials(id, secret, Method.CLIENT_SECRET_BASIC);
        }
        if (authorization != null && !authorization.isBlank()) {
            // RFC 6749 §2.3: only the methods we advertise (client_secret_basic, client_secret_post, none)
            throw OAuthError.INVALID_CLIENT.with("Unsupported client authentication scheme.");
        }
        if (formClientId == null || formClientId.isEmpty()) {
            throw OAuthError.INVALID_REQUEST.with("Missing client_id.");
        }
        if (formSecret != null) {
            return new ClientCredentials(formClientId, formSecret, Method.CLIENT_SECRET_POST);
        }
        return new ClientCredentials(formClientId, null, Method.NONE);
    }

    private static String urlDecode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw OAuthError.INVALID_CLIENT.with("Malformed Basic credentials.");
        }
    }

    @Override
    public String toString() {
        // never print the secret
        return "ClientCredentials[" + clientId + ", " + method + "]";
    }
}
