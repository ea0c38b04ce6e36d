package io.latchkey.consent.authorize;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.latchkey.common.error.OAuthException;
import io.latchkey.common.OAuthParams;

/** The redirect back to the client (RFC 6749 §4.1.2), always with {@code iss} (RFC 9207 §2). */
final class ClientRedirect {

    private ClientRedirect() {
    }

    /** RFC 6749 §4.1.2: code and state; RFC 9207 §2: iss. */
    static String code(AuthorizationRequest r, String code, String issuer) {
        return build(r.redirectUri(), OAuthParams.CODE, code, OAuthParams.STATE, r.state(), OAuthParams.ISS, issuer);
    }

    /** RFC 6749 §4.1.2.1: error, error_description and state; RFC 9207 §2: iss on errors too. */
    static String error(AuthorizationRequest r, OAuthException e, String issuer) {
        // the front-channel rendering of the one error model: never the log-only detail
        Map<String, String> values = e.redirectValues();
        return build(r.redirectUri(), "error", values.get("error"), "error_description", values.get("error_description"),
                OAuthParams.STATE, r.state(), OAuthParams.ISS, issuer);
    }

    private static String build(String redirectUri, String... pairs) {
        StringBuilder sb = new StringBuilder(redirectUri);
        // RFC 6749 §3.1.2: a query component of the registered URI is kept
        char sep = redirectUri.indexOf('?') < 0 ? '?' : '&';
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                sb.append(sep).append(pairs[i]).append('=').append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
                sep = '&';
            }
        }
        return sb.toString();
    }
}
