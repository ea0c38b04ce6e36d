package io.latchkey.device.web;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;

/** What we record about the device that asked (RFC 8628 §5.4: shown to the user at approval time). */
final class DeviceInfo {

    private static final int MAX_USER_AGENT = 512;
    private static final int MAX_IP = 64;

    private DeviceInfo() {
    }

    /** The first X-Forwarded-For entry (the gateway sanitizes that header, RFC 9700 §4.13), else the peer. */
    static String ip(String forwardedFor, HttpServerRequest request) {
        if (forwardedFor != null && !forwardedFor.isBlank()) {
            int comma = forwardedFor.indexOf(',');
            String first = (comma < 0 ? forwardedFor : forwardedFor.substring(0, comma)).trim();
            if (!first.isEmpty()) {
                return truncate(first, MAX_IP);
            }
        }
        SocketAddress peer = request == null ? null : request.remoteAddress();
        return peer == null ? null : truncate(peer.hostAddress(), MAX_IP);
    }

    static String userAgent(String userAgent) {
        return userAgent == null || userAgent.isBlank() ? null : truncate(userAgent, MAX_USER_AGENT);
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
