package io.latchkey.gateway.edge;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;

/**
 * RFC 9110 §7.6.1: a {@code Connection} header names the other headers that belong to that one connection; a proxy
 * removes them, as well as the fixed hop-by-hop list, before it forwards a message. Some names are never removed
 * this way, because the gateway decides on them itself: the framing (Content-Length, Transfer-Encoding, Host), the
 * Authorization the rate limits and the services both read (naming it away would let the limiter count one client
 * and the service authenticate another), the request id, and the forwarding and internal headers
 * {@link ForwardingHeaders} strips and sets.
 */
public final class ConnectionOptions {

    private ConnectionOptions() {
    }

    /** Removes from {@code target} every header the Connection header lines of {@code listing} name. */
    public static void removeListed(MultiMap listing, MultiMap target) {
        Set<String> named = named(listing);
        if (named != null) {
            for (String name : named) {
                target.remove(name);
            }
        }
    }

    /**
     * The lower-case names the Connection header lines of {@code headers} list (RFC 9110 §5.6.1: a comma-separated
     * list, optional whitespace around each element, empty elements ignored), but the protected ones and the
     * connection options proper ({@code close}, {@code keep-alive}, {@code upgrade}, hop-by-hop anyway); null when
     * there are none, the usual case, without an allocation.
     */
    public static Set<String> named(MultiMap headers) {
        if (headers.get(HttpHeaders.CONNECTION) == null) {
            return null;
        }
        Set<String> named = null;
        for (String line : headers.getAll(HttpHeaders.CONNECTION)) {
            int length = line.length();
            int start = 0;
            while (start < length) {
                int comma = line.indexOf(',', start);
                int end = comma < 0 ? length : comma;
                int from = start;
                int to = end;
                while (from < to && isWhitespace(line.charAt(from))) {
                    from++;
                }
                while (to > from && isWhitespace(line.charAt(to - 1))) {
                    to--;
                }
                if (to > from && !isOptionProper(line, from, to)) {
                    String name = line.substring(from, to).toLowerCase(Locale.ROOT);
                    if (!isProtected(name)) {
                        if (named == null) {
                            named = new HashSet<>(4);
                        }
                        named.add(name);
                    }
                }
                start = end + 1;
            }
        }
        return named;
    }

    private static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t';
    }

    private static boolean isOptionProper(String line, int from, int to) {
        int length = to - from;
        return (length == 5 && line.regionMatches(true, from, "close", 0, 5))
                || (length == 10 && line.regionMatches(true, from, "keep-alive", 0, 10))
                || (length == 7 && line.regionMatches(true, from, "upgrade", 0, 7));
    }

    static boolean isProtected(String name) {
        return name.equals("content-length")
                || name.equals("transfer-encoding")
                || name.equals("host")
                || name.equals("authorization")
                || name.equals("x-request-id")
                || ForwardingHeaders.isInternal(name)
                || ForwardingHeaders.isForwardingOrClientCert(name);
    }
}
