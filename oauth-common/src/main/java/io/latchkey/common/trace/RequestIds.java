package io.latchkey.common.trace;

import java.util.List;

/**
 * The request id that ties one request's log lines together across the gateway and every service
 * ({@code X-Request-Id}, README "Logs"). The gateway assigns it; it keeps an inbound value only from a trusted proxy
 * and only when it is well formed: 8 to 64 characters of {@code A-Z a-z 0-9 - _ . :}, in exactly one header line.
 * Anything else — too long, control characters, spaces, repeated — is replaced, so nobody can forge or bloat log
 * lines with it. Services apply the same rule before they log an inbound id.
 */
public final class RequestIds {

    /** The header the gateway sets on the forwarded request and on its answer. */
    public static final String HEADER = "X-Request-Id";
    /** The MDC key every log line carries it under. */
    public static final String MDC_KEY = "request_id";
    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 64;

    private RequestIds() {
    }

    /** True when {@code value} may be kept as this request's id. */
    public static boolean wellFormed(String value) {
        if (value == null || value.length() < MIN_LENGTH || value.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == ':';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** The one inbound value when there is exactly one header line and it is well formed, else null. */
    public static String inbound(List<String> headerLines) {
        return headerLines.size() == 1 && wellFormed(headerLines.get(0)) ? headerLines.get(0) : null;
    }
}
