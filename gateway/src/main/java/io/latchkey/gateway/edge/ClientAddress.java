package io.latchkey.gateway.edge;

import java.util.List;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import io.vertx.httpproxy.ProxyContext;

/**
 * Who the client is, computed once per request at the edge: the socket peer; or, when that peer is a trusted proxy,
 * the rightmost X-Forwarded-For address that is not itself a trusted proxy. Each proxy appends the address it saw,
 * so only the entries added by trusted hops are facts; everything to their left was written by the client
 * (RFC 7239 §5.2 and §8.1; the X-Forwarded-For convention it documents). The services get the result in
 * {@code X-Latchkey-Client-IP} and never read X-Forwarded-For themselves.
 */
public final class ClientAddress {

    static final CharSequence X_FORWARDED_FOR = HttpHeaders.createOptimized("X-Forwarded-For");

    /** An entry longer than this is not an address (longest IPv6 text with a zone id is far shorter). */
    private static final int MAX_ENTRY = 64;

    private static final String COMPUTED = "latchkey.client-address";

    private ClientAddress() {
    }

    /** Kept by {@link ForwardingHeaders} (the first interceptor) for those after it, e.g. the per-IP rate limits. */
    static void remember(ProxyContext ctx, String client) {
        ctx.set(COMPUTED, client);
    }

    /** The client address {@link ForwardingHeaders} computed for this request; the socket peer if it has not run. */
    public static String of(ProxyContext ctx) {
        String client = ctx.get(COMPUTED, String.class);
        return client != null ? client : peer(ctx.request().proxiedRequest());
    }

    /** The client address of {@code inbound}, whose headers are still those the client (or its proxies) sent. */
    public static String of(HttpServerRequest inbound, TrustedProxies trustedProxies) {
        String peer = peer(inbound);
        if (!trustedProxies.contains(peer)) {
            return peer;
        }
        return resolve(peer, inbound.headers().getAll(X_FORWARDED_FOR), trustedProxies);
    }

    /**
     * Walks the chain from the right: every trusted hop is skipped, the first untrusted address is the client. A
     * malformed entry ends the walk (nothing to its left can be believed), and the last hop that was read (a trusted
     * proxy) stands in for the unknown client; so does the leftmost one when every hop is trusted.
     */
    static String resolve(String peer, List<String> forwardedForLines, TrustedProxies trustedProxies) {
        String current = peer;
        // RFC 9110 §5.3: several header lines form one comma-separated list, in order
        for (int line = forwardedForLines.size() - 1; line >= 0; line--) {
            String value = forwardedForLines.get(line);
            int end = value.length();
            while (end >= 0) {
                int comma = value.lastIndexOf(',', end - 1);
                String entry = value.substring(comma + 1, end).trim();
                end = comma;
                if (entry.isEmpty() && comma < 0 && value.isBlank()) {
                    break; // an empty header line adds nothing
                }
                String address = address(entry);
                if (address == null) {
                    return current;
                }
                if (!trustedProxies.contains(address)) {
                    return address;
                }
                current = address;
                if (comma < 0) {
                    break;
                }
            }
        }
        return current;
    }

    /** The IP literal in one X-Forwarded-For entry ({@code 192.0.2.1}, {@code 2001:db8::1}, {@code [2001:db8::1]}), or null. */
    static String address(String entry) {
        if (entry.isEmpty() || entry.length() > MAX_ENTRY) {
            return null;
        }
        String ip = entry;
        if (ip.charAt(0) == '[') {
            int close = ip.indexOf(']');
            if (close < 0) {
                return null;
            }
            ip = ip.substring(1, close);
        } else if (ip.indexOf(':') >= 0 && ip.indexOf(':') == ip.lastIndexOf(':') && ip.indexOf('.') > 0) {
            ip = ip.substring(0, ip.indexOf(':')); // IPv4 with a port
        }
        return TrustedProxies.isAddress(ip) ? ip : null;
    }

    static String peer(HttpServerRequest inbound) {
        // the socket's peer: Quarkus' proxy-address-forwarding stays off so this is never taken from a header
        SocketAddress remote = inbound.connection() != null ? inbound.connection().remoteAddress() : inbound.remoteAddress();
        if (remote == null) {
            return "unknown";
        }
        String ip = remote.hostAddress();
        return ip == null ? "unknown" : ip;
    }
}
