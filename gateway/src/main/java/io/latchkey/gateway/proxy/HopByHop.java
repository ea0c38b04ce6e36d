package io.latchkey.gateway.proxy;

/**
 * RFC 9110 §7.6.1: the headers that describe one connection and are not forwarded past it, and the ones the
 * gateway writes itself when it sends a body it has read whole. The same list vertx-http-proxy drops on the
 * gateway's other routes (plus Proxy-Connection, which some clients still send).
 */
public final class HopByHop {

    private HopByHop() {
    }

    /** True for a request header the token endpoint's forwarder does not copy to the service. */
    public static boolean notForwardedUpstream(String name) {
        return isHopByHop(name)
                || name.equalsIgnoreCase("host") // the service's own authority is sent instead
                || name.equalsIgnoreCase("content-length") // set again for the body as read
                || name.equalsIgnoreCase("expect"); // already answered: the body travels in one piece
    }

    /** True for a response header not copied to the client (Content-Length is set again for the body as read). */
    public static boolean notForwardedDownstream(String name) {
        return isHopByHop(name) || name.equalsIgnoreCase("content-length");
    }

    static boolean isHopByHop(String name) {
        return switch (name.length()) {
            case 2 -> name.equalsIgnoreCase("te");
            case 7 -> name.equalsIgnoreCase("trailer") || name.equalsIgnoreCase("upgrade");
            case 10 -> name.equalsIgnoreCase("connection") || name.equalsIgnoreCase("keep-alive");
            case 16 -> name.equalsIgnoreCase("proxy-connection");
            case 17 -> name.equalsIgnoreCase("transfer-encoding");
            case 18 -> name.equalsIgnoreCase("proxy-authenticate");
            case 19 -> name.equalsIgnoreCase("proxy-authorization");
            default -> false;
        };
    }
}
