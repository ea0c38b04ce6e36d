package io.latchkey.gateway.token;

import java.nio.charset.StandardCharsets;

import io.latchkey.common.FormDecoder;
import io.latchkey.common.FormLimits;
import io.latchkey.common.OAuthParams;
import io.vertx.core.buffer.Buffer;

/**
 * What the gateway needs from an {@code application/x-www-form-urlencoded} body, found in one scan of its bytes: is
 * it a device_code grant, which client_id does it name, and does it carry a client_secret. No regular expression, no parsed map, no strings unless
 * a field is the client_id or is percent-encoded. It never throws: a malformed field is simply "not device_code" or
 * "no client_id", and the service's strict form reader answers {@code invalid_request} for it.
 */
public record FormScan(boolean deviceCodeGrant, String clientId, boolean clientSecret) {

    private static final byte[] GRANT_TYPE = ascii(OAuthParams.GRANT_TYPE);
    private static final byte[] DEVICE_CODE = ascii(OAuthParams.GRANT_DEVICE_CODE);
    private static final byte[] CLIENT_ID = ascii(OAuthParams.CLIENT_ID);
    private static final byte[] CLIENT_SECRET = ascii(OAuthParams.CLIENT_SECRET);

    /**
     * {@code deviceCodeGrant} is true when the form carries exactly one {@code grant_type} and it is RFC 8628 §3.4's
     * device_code grant; a repeated grant_type is left to token-service, which rejects it (RFC 6749 §3.2: parameters
     * MUST NOT repeat). {@code clientId} is the single client_id, or null when absent, repeated or malformed.
     * {@code clientSecret} is true when any field is named client_secret (RFC 6749 §2.3.1's client_secret_post),
     * whatever its value: the service then checks a secret, work the gateway meters.
     */
    public static FormScan of(Buffer form) {
        int length = form.length();
        int grantTypes = 0;
        int clientIds = 0;
        boolean deviceCode = false;
        String clientId = null;
        boolean clientSecret = false;
        int start = 0;
        while (start < length) {
            int end = endOfField(form, start, length);
            int eq = indexOf(form, (byte) '=', start, end);
            int nameEnd = eq < 0 ? end : eq;
            if (fieldEquals(form, start, nameEnd, GRANT_TYPE, OAuthParams.GRANT_TYPE)) {
                grantTypes++;
                deviceCode = eq >= 0 && fieldEquals(form, eq + 1, end, DEVICE_CODE, OAuthParams.GRANT_DEVICE_CODE);
            } else if (fieldEquals(form, start, nameEnd, CLIENT_ID, OAuthParams.CLIENT_ID)) {
                clientIds++;
                clientId = eq < 0 ? null : value(form, eq + 1, end);
            } else if (!clientSecret) {
                clientSecret = fieldEquals(form, start, nameEnd, CLIENT_SECRET, OAuthParams.CLIENT_SECRET);
            }
            start = end + 1;
        }
        return new FormScan(grantTypes == 1 && deviceCode, clientIds == 1 && clientId != null && !clientId.isEmpty()
                ? clientId : null, clientSecret);
    }

    private static String value(Buffer form, int from, int to) {
        // the same strict rules as the services' form reader (no controls, valid UTF-8, bounded): else no client_id
        return FormDecoder.componentOrNull(form.getBytes(from, to), 0, to - from, FormLimits.MAX_VALUE_LENGTH);
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
