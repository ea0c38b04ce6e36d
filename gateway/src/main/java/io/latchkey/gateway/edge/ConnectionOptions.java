package io.latchkey.gateway.edge;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;

/**
 * RFC 9110 §7.6.1: a {@code Connection} header names the other headers that belong to that one connection; a proxy
 * removes them, as well as the fixed hop-by-hop list, before it forwards a message. The framing headers are never
 * removed this way: the message's length and its authority are not a sender's option to drop.
 */
public final class ConnectionOptions {

    private ConnectionOptions() {
    }

    /**
     * Removes from {@code target} every header the Connection header lines of {@code listing} name (a comma-separated
     * list of field names, RFC 9110 §5.6.1: optional whitespace around each, empty elements ignored).
     */
    public static void removeListed(MultiMap listing, MultiMap target) {
        if (listing.get(HttpHeaders.CONNECTION) == null) {
            return; // the common case, one lookup
        }
        for (String line : listing.getAll(HttpHeaders.CONNECTION)) {
            int start = 0;
            int length = line.length();
            while (start < length) {
                int comma = line.indexOf(',', start);
                int end = comma < 0 ? length : comma;
                String name = line.substring(start, end).strip();
                if (!name.isEmpty() && !isFraming(name)) {
                    target.remove(name);
                }
                start = end + 1;
            }
        }
    }

    private static boolean isFraming(String name) {
        return name.equalsIgnoreCase("content-length")
                || name.equalsIgnoreCase("transfer-encoding")
                || name.equalsIgnoreCase("host");
    }
}
