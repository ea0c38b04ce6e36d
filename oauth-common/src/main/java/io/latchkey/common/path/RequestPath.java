package io.latchkey.common.path;

import java.nio.charset.StandardCharsets;

/**
 * The request-target paths a Latchkey server accepts: only ones that every layer (the gateway's router, Vert.x,
 * RESTEasy, a filter) reads the same way. Whatever could be read two ways is refused before routing, because a
 * check on one reading and routing on another is exactly how {@code /%69nternal/tokens} slipped past a filter that
 * compared the raw path while RESTEasy routed the decoded one.
 *
 * <p>Refused (each rule says why a strict server loses nothing by refusing it):
 * <ul>
 * <li>an encoded unreserved character ({@code %69}, {@code %2e}, {@code %7e}): RFC 3986 §2.3 says producers should
 * not encode them and that decoding them must not change the meaning, so no honest client sends one, and the encoded
 * and plain forms would otherwise be two spellings of one route;</li>
 * <li>an encoded {@code /} ({@code %2f}) or {@code \} ({@code %5c}), and a raw {@code \}: RFC 3986 §2.2 makes
 * {@code %2f} data, not a delimiter, but many decoders (and Windows-style normalisers for {@code \}) turn it back into
 * one, which moves segment boundaries after the check;</li>
 * <li>an encoded {@code %} ({@code %25}): a second decoding pass anywhere downstream would see a new escape (double
 * encoding); no Latchkey path segment contains {@code %};</li>
 * <li>{@code ;} raw or encoded: JAX-RS strips matrix parameters ({@code /internal;x=1/tokens} routes as
 * {@code /internal/tokens}) while a string check sees {@code internal;x=1}; Latchkey has no matrix parameters;</li>
 * <li>dot segments ({@code .} and {@code ..}, RFC 3986 §3.3 / §5.2.4) and empty segments ({@code //}): they are
 * removed or collapsed by some layers and not by others;</li>
 * <li>control characters and NUL, raw or encoded, and any malformed escape ({@code %zz}, a truncated {@code %4}):
 * never part of a valid URI (RFC 3986 §2.1 / §3.3).</li>
 * </ul>
 * Everything else, including encoded reserved characters other than the ones above and UTF-8 escapes, passes.
 */
public final class RequestPath {

    /** The first path segment of every service-to-service route. */
    public static final String INTERNAL_SEGMENT = "internal";

    private RequestPath() {
    }

    /** Why {@code rawPath} (the request target's path, not decoded) is refused, or null when it is acceptable. */
    public static String problem(String rawPath) {
        if (rawPath == null || rawPath.isEmpty() || rawPath.charAt(0) != '/') {
            return "The request path must start with '/'.";
        }
        int segmentStart = 1;
        int length = rawPath.length();
        for (int i = 1; i <= length; i++) {
            char c = i < length ? rawPath.charAt(i) : '/';
            if (c == '/') {
                String segment = segmentProblem(rawPath, segmentStart, i, i == length);
                if (segment != null) {
                    return segment;
                }
                segmentStart = i + 1;
                continue;
            }
            if (c == '%') {
                if (i + 2 >= length || hex(rawPath.charAt(i + 1)) < 0 || hex(rawPath.charAt(i + 2)) < 0) {
                    return "The request path has a malformed percent-encoding.";
                }
                int b = hex(rawPath.charAt(i + 1)) * 16 + hex(rawPath.charAt(i + 2));
                String escaped = escapeProblem(b);
                if (escaped != null) {
                    return escaped;
                }
                i += 2;
                continue;
            }
            if (c < 0x21 || c == 0x7f || c == '\\' || c == ';' || c > 0x7e) {
                return "The request path contains a character that is not allowed.";
            }
        }
        return null;
    }

    /**
     * True when {@code rawPath} would reach, or could be mistaken for, a service-to-service route: its first segment,
     * decoded, is {@code internal} in any letter case and with any trailing dots or spaces. Used as a second, decoded
     * check in front of the routes bound to the internal secret; it is deliberately wider than the router.
     */
    public static boolean isInternal(String rawPath) {
        if (rawPath == null) {
            return false;
        }
        String path = decodeLeniently(rawPath);
        int start = 0;
        while (start < path.length() && (path.charAt(start) == '/' || path.charAt(start) == '\\')) {
            start++;
        }
        int end = start;
        while (end < path.length() && path.charAt(end) != '/' && path.charAt(end) != '\\' && path.charAt(end) != ';') {
            end++;
        }
        int trimmed = end;
        while (trimmed > start && (path.charAt(trimmed - 1) == '.' || Character.isWhitespace(path.charAt(trimmed - 1)))) {
            trimmed--;
        }
        return trimmed - start == INTERNAL_SEGMENT.length()
                && path.regionMatches(true, start, INTERNAL_SEGMENT, 0, INTERNAL_SEGMENT.length());
    }

    private static String segmentProblem(String path, int start, int end, boolean last) {
        if (start == end) {
            // "/" alone and one trailing "/" are fine; "//" anywhere is an empty segment
            return start == 1 && end == path.length() || last ? null : "The request path has an empty segment.";
        }
        if (end - start <= 2 && path.charAt(start) == '.' && (end - start == 1 || path.charAt(start + 1) == '.')) {
            return "The request path has a dot segment.";
        }
        return null;
    }

    private static String escapeProblem(int b) {
        if (isUnreserved(b)) {
            // RFC 3986 §2.3: unreserved characters are never percent-encoded by a conforming producer
            return "The request path percent-encodes a character that must be sent as is.";
        }
        if (b == '/' || b == '\\' || b == '%' || b == ';') {
            return "The request path percent-encodes a delimiter.";
        }
        if (b < 0x20 || b == 0x7f) {
            return "The request path contains an encoded control character.";
        }
        return null;
    }

    private static boolean isUnreserved(int b) {
        return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9')
                || b == '-' || b == '.' || b == '_' || b == '~';
    }

    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    /** Percent-decodes repeatedly (double encoding included); a malformed escape is kept as written. */
    private static String decodeLeniently(String raw) {
        String current = raw;
        for (int round = 0; round < 3 && current.indexOf('%') >= 0; round++) {
            byte[] out = new byte[current.length()];
            int n = 0;
            for (int i = 0; i < current.length(); i++) {
                char c = current.charAt(i);
                if (c == '%' && i + 2 < current.length() && hex(current.charAt(i + 1)) >= 0 && hex(current.charAt(i + 2)) >= 0) {
                    out[n++] = (byte) (hex(current.charAt(i + 1)) * 16 + hex(current.charAt(i + 2)));
                    i += 2;
                } else {
                    out[n++] = (byte) (c < 0x80 ? c : '?');
                }
            }
            current = new String(out, 0, n, StandardCharsets.UTF_8);
        }
        return current;
    }
}
