package io.latchkey.common.error;

import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON error body of RFC 6749 §5.2: {@code {"error", "error_description"}} plus any extra members. */
public final class ErrorBody {

    private ErrorBody() {
    }

    public static Map<String, Object> of(OAuthException e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", e.error().code());
        if (e.description() != null) {
            body.put("error_description", e.description());
        }
        body.putAll(e.extra());
        return body;
    }

    /** Hand-written JSON for callers without Jackson (the gateway); descriptions never contain user input unescaped. */
    public static String json(OAuthException e) {
        StringBuilder sb = new StringBuilder("{");
        boolean first = true;
        for (Map.Entry<String, Object> member : of(e).entrySet()) {
            if (!first) {
                sb.append(',');
            }
            first = false;
            sb.append('"').append(escape(member.getKey())).append("\":");
            Object v = member.getValue();
            if (v instanceof Number || v instanceof Boolean) {
                sb.append(v);
            } else {
                sb.append('"').append(escape(String.valueOf(v))).append('"');
            }
        }
        return sb.append('}').toString();
    }

    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }
}
