package io.latchkey.consent.web;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;

/**
 * The browser's IP: the first entry of X-Forwarded-For (the gateway sets it and strips any value the client
 * sent, RFC 9700 §4.13), else the peer address.
 */
public final class ClientIp {

    private static final int MAX_LENGTH = 64;

    private ClientIp() {
    }

    public static String of(HttpServerRequest request) {
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded != null) {
            int comma = forwarded.indexOf(',');
            String first = (comma < 0 ? forwarded : forwarded.substring(0, comma)).trim();
            if (!first.isEmpty() && first.length() <= MAX_LENGTH) {
                return first;
            }
        }
        SocketAddress peer = request.remoteAddress();
        return peer == null ? "unknown" : peer.hostAddress();
    }
}
