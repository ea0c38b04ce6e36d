package io.latchkey.common;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.latchkey.common.error.OAuthError;
import io.latchkey.common.error.OAuthException;

/**
 * The one strict reader of {@code application/x-www-form-urlencoded} bodies and query strings for every service.
 * It works on bytes already in memory (never blocks) and throws {@code invalid_request} for anything a conforming
 * client never sends:
 * <ul>
 * <li>a Content-Type other than {@code application/x-www-form-urlencoded}, or a charset other than UTF-8
 *     (RFC 6749 Appendix B: the form is UTF-8, percent-encoded);</li>
 * <li>a '%' not followed by two hex digits, bytes that are not well-formed UTF-8 once decoded;</li>
 * <li>C0 control characters (NUL to US) and DEL in any name or value: RFC 6749 Appendix A limits every OAuth value
 *     to VSCHAR/NQCHAR (and unicode for descriptions, never controls); user codes, CSRF tokens and the decision are
 *     ASCII; a password is typed into a single-line browser input, which cannot hold controls; and PostgreSQL
 *     rejects NUL in text, so a NUL must never reach it;</li>
 * <li>an empty parameter name ({@code &=&}), a name over {@link FormLimits#MAX_NAME_LENGTH}, more than
 *     {@link FormLimits#MAX_PARAMETERS} parameters, a value over {@link FormLimits#maxValueLength}.</li>
 * </ul>
 * Empty fields between separators ({@code a=1&&b=2}) are skipped, as browsers do. Repeated parameters are kept and
 * refused when read ({@link Form#optional}), because RFC 6749 §4.1.2.1 decides per parameter how to report them.
 */
public final class FormDecoder {

    public static final String FORM_URLENCODED = "application/x-www-form-urlencoded";
    private static final Set<String> ASCII_COMPATIBLE = Set.of("iso-8859-1", "us-ascii", "latin1", "iso_8859-1");

    private FormDecoder() {
    }

    /** A request body: checks the Content-Type, then decodes. */
    public static Map<String, List<String>> body(String contentType, byte[] body) {
        boolean asciiOnly = requireFormContentType(contentType);
        Map<String, List<String>> form = decode(body == null ? new byte[0] : body, 0, body == null ? 0 : body.length);
        if (asciiOnly && !isAscii(form)) {
            throw OAuthError.INVALID_REQUEST.with("The form must be encoded in UTF-8.");
        }
        return form;
    }

    /** A raw (still encoded) query string, without the '?'; null or empty is an empty form. */
    public static Map<String, List<String>> query(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return new LinkedHashMap<>();
        }
        // the HTTP parser hands the query over as ISO-8859-1 text: one char per byte on the wire
        byte[] bytes = rawQuery.getBytes(StandardCharsets.ISO_8859_1);
        return decode(bytes, 0, bytes.length);
    }

    /**
     * RFC 6749 Appendix B / RFC 8628 §3.1: {@code application/x-www-form-urlencoded}, charset absent or UTF-8.
     * A declared ISO-8859-1 or US-ASCII (some HTTP libraries add one by default) is accepted only for a form that is
     * all ASCII, where the three encodings agree: the answer is true then. Other media-type parameters are ignored.
     */
    public static boolean requireFormContentType(String contentType) {
        if (contentType == null) {
            throw OAuthError.INVALID_REQUEST.with("The request body must be application/x-www-form-urlencoded.");
        }
        String[] parts = contentType.split(";", -1);
        if (!FORM_URLENCODED.equalsIgnoreCase(parts[0].trim())) {
            throw OAuthError.INVALID_REQUEST.with("The request body must be application/x-www-form-urlencoded.");
        }
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].trim();
            int eq = p.indexOf('=');
            if (eq < 0 || !"charset".equalsIgnoreCase(p.substring(0, eq).trim())) {
                continue;
            }
            String charset = unquote(p.substring(eq + 1).trim()).toLowerCase(Locale.ROOT);
            if (ASCII_COMPATIBLE.contains(charset)) {
                return true;
            }
            if (!charset.equals("utf-8") && !charset.equals("utf8")) {
                throw OAuthError.INVALID_REQUEST.with("The form must be encoded in UTF-8.");
            }
        }
        return false;
    }

    private static boolean isAscii(Map<String, List<String>> form) {
        for (Map.Entry<String, List<String>> e : form.entrySet()) {
            if (!isAscii(e.getKey())) {
                return false;
            }
            for (String v : e.getValue()) {
                if (!isAscii(v)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** Decodes {@code bytes[from, to)}; the map keeps the order of first appearance and every repeated value. */
    static Map<String, List<String>> decode(byte[] bytes, int from, int to) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        int count = 0;
        int start = from;
        while (start <= to) {
            int end = indexOf(bytes, (byte) '&', start, to);
            if (end > start) {
                if (++count > FormLimits.MAX_PARAMETERS) {
                    throw OAuthError.INVALID_REQUEST.with("Too many parameters (at most " + FormLimits.MAX_PARAMETERS + ").");
                }
                field(bytes, start, end, params);
            }
            start = end + 1;
        }
        return params;
    }

    private static void field(byte[] bytes, int from, int to, Map<String, List<String>> params) {
        int eq = indexOf(bytes, (byte) '=', from, to);
        String name = component(bytes, from, eq, FormLimits.MAX_NAME_LENGTH);
        if (name.isEmpty()) {
            throw OAuthError.INVALID_REQUEST.with("A parameter has an empty name.");
        }
        String value = eq == to ? "" : component(bytes, eq + 1, to, FormLimits.maxValueLength(name));
        params.computeIfAbsent(name, n -> new ArrayList<>(1)).add(value);
    }

    /** One name or value: '+' is a space, '%XX' a byte, then strict UTF-8 and no control characters. */
    private static String component(byte[] bytes, int from, int to, int maxChars) {
        // a character takes at most 4 UTF-8 bytes, 12 when percent-encoded: refuse huge input before copying it
        if (to - from > maxChars * 12) {
            throw tooLong(maxChars);
        }
        String s = decodeStrict(bytes, from, to);
        if (s == null) {
            throw OAuthError.INVALID_REQUEST.with("A parameter is not valid UTF-8 form encoding "
                    + "(or holds control characters).");
        }
        if (s.length() > maxChars) {
            throw tooLong(maxChars);
        }
        return s;
    }

    /**
     * The strictly decoded text of {@code bytes[from, to)}, or null when it is malformed (bad escape, not UTF-8,
     * control characters) or longer than {@code maxChars}. Never throws: for callers that only look (the gateway).
     */
    public static String componentOrNull(byte[] bytes, int from, int to, int maxChars) {
        if (to - from > maxChars * 12) {
            return null;
        }
        String s = decodeStrict(bytes, from, to);
        return s == null || s.length() > maxChars ? null : s;
    }

    private static String decodeStrict(byte[] bytes, int from, int to) {
        byte[] out = new byte[to - from];
        int n = 0;
        for (int i = from; i < to; i++) {
            byte b = bytes[i];
            if (b == '+') {
                out[n++] = ' ';
            } else if (b == '%') {
                if (i + 2 >= to) {
                    return null;
                }
                int hi = hex(bytes[i + 1]);
                int lo = hex(bytes[i + 2]);
                if (hi < 0 || lo < 0) {
                    return null;
                }
                out[n++] = (byte) (hi << 4 | lo);
                i += 2;
            } else {
                out[n++] = b;
            }
        }
        String text = utf8(out, n);
        return text == null || hasControl(text) ? null : text;
    }

    private static OAuthException tooLong(int maxChars) {
        return OAuthError.INVALID_REQUEST.with("A parameter is too long (at most " + maxChars + " characters).");
    }

    private static String utf8(byte[] bytes, int length) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer chars = decoder.decode(ByteBuffer.wrap(bytes, 0, length));
            return chars.toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** C0 controls (U+0000–U+001F) and DEL (U+007F). */
    static boolean hasControl(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return true;
            }
        }
        return false;
    }

    private static int hex(byte b) {
        if (b >= '0' && b <= '9') {
            return b - '0';
        }
        if (b >= 'a' && b <= 'f') {
            return b - 'a' + 10;
        }
        if (b >= 'A' && b <= 'F') {
            return b - 'A' + 10;
        }
        return -1;
    }

    private static int indexOf(byte[] bytes, byte wanted, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return to;
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }
}
