package io.latchkey.gateway.token;

import java.nio.charset.StandardCharsets;

import io.latchkey.common.FormDecoder;
import io.latchkey.common.OAuthParams;
import io.vertx.core.buffer.Buffer;

/**
 * Finds the grant_type of an {@code application/x-www-form-urlencoded} token request by scanning its bytes: no
 * regular expression, no parsed map, no strings unless a field is percent-encoded. It never throws: a malformed body
 * is simply not a device_code poll and goes to token-service, whose form reader answers {@code invalid_request}.
 */
public final class GrantTypeSniffer {

    private static final byte[] GRANT_TYPE = ascii(OAuthParams.GRANT_TYPE);
    private static final byte[] DEVICE_CODE = ascii(OAuthParams.GRANT_DEVICE_CODE);

    private GrantTypeSniffer() {
    }

    /**
     * True when the form carries exactly one {@code grant_type} and it is RFC 8628 §3.4's device_code grant. A repeated
     * grant_type is left to token-service, which rejects it (RFC 6749 §3.2: parameters MUST NOT repeat).
     */
    public static boolean isDeviceCodeGrant(Buffer form) {
        int length = form.length();
        int seen = 0;
        boolean deviceCode = false;
        int start = 0;
        while (start < length) {
            int end = endOfField(form, start, length);
            int eq = indexOf(form, (byte) '=', start, end);
            int nameEnd = eq < 0 ? end : eq;
            if (fieldEquals(form, start, nameEnd, GRANT_TYPE, OAuthParams.GRANT_TYPE)) {
                seen++;
                deviceCode = eq >= 0 && fieldEquals(form, eq + 1, end, DEVICE_CODE, OAuthParams.GRANT_DEVICE_CODE);
            }
            start = end + 1;
        }
        return seen == 1 && deviceCode;
    }

    private static boolean fieldEquals(Buffer form, int from, int to, byte[] expected, String expectedText) {
        if (isEncoded(form, from, to)) {
            // the same strict rules as the services' form reader; malformed is simply "not device_code"
            return expectedText.equals(FormDecoder.componentOrNull(form.getBytes(from, to), 0, to - from,
                    expectedText.length()));
        }
        if (to - from != expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if (form.getByte(from + i) != expected[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean isEncoded(Buffer form, int from, int to) {
        for (int i = from; i < to; i++) {
            byte b = form.getByte(i);
            if (b == '%' || b == '+') {
                return true;
            }
        }
        return false;
    }

    /** Index of the '&' ending the field that starts at {@code from}, or {@code length}. */
    private static int endOfField(Buffer form, int from, int length) {
        int amp = indexOf(form, (byte) '&', from, length);
        return amp < 0 ? length : amp;
    }

    private static int indexOf(Buffer form, byte wanted, int from, int to) {
        for (int i = from; i < to; i++) {
            if (form.getByte(i) == wanted) {
                return i;
            }
        }
        return -1;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
