package io.latchkey.gateway.limit;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import io.latchkey.gateway.token.FormScan;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;

/**
 * What a per-client rate limit counts by: the client_id a request names. Per-IP limits count by the address the edge
 * computed once ({@link io.latchkey.gateway.edge.ClientAddress#of(io.vertx.httpproxy.ProxyContext)}).
 */
public final class ClientKeys {

    /** Longest client_id used as a key; a longer one is cut (the services reject it anyway). */
    private static final int MAX_CLIENT_ID = 256;

    private ClientKeys() {
    }

    /** The user name of an HTTP Basic Authorization header (RFC 6749 §2.3.1: form-urlencoded), or null. */
    public static String basicClientId(HttpServerRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon < 1) {
                return null;
            }
            return cut(URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException malformed) {
            return null; // the service answers invalid_client; the per-IP limit still counts it
        }
    }

    /** The Basic user name, else the form's single client_id, else null. */
    public static String clientId(HttpServerRequest request, Buffer form) {
        String basic = basicClientId(request);
        if (basic != null) {
            return basic;
        }
        return form == null ? null : cut(FormScan.of(form).clientId());
    }

    static String cut(String clientId) {
        return clientId == null || clientId.length() <= MAX_CLIENT_ID ? clientId : clientId.substring(0, MAX_CLIENT_ID);
    }
}
