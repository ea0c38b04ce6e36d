package io.latchkey.consent.audit;

import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import io.latchkey.common.error.OAuthError;
import io.latchkey.common.error.OAuthException;

/**
 * An admin action another service reports ({@code POST /internal/audit-events}, docs/internal-api.md), read strictly:
 * a JSON object with only the known fields, each of the right type and bounded size, no field twice.
 */
public record ReportedAuditEvent(String kind, String actor, String clientId, UUID userId, String ip, String detail) {

    public static final int MAX_BODY = 8192;
    public static final int MAX_DETAIL = 4096;
    public static final Pattern KIND = Pattern.compile("[a-z][a-z0-9_.]{0,63}");
    /** Printable ASCII without spaces: client ids, user ids. */
    private static final Pattern ID = Pattern.compile("[\\x21-\\x7e]{1,200}");
    private static final Pattern IP = Pattern.compile("[0-9A-Fa-f:.]{2,45}");
    private static final Set<String> FIELDS = Set.of("kind", "actor", "client_id", "user_id", "ip", "detail");

    public static ReportedAuditEvent parse(ObjectMapper json, byte[] body) {
        if (body == null || body.length == 0) {
            throw invalid("A JSON body is required.");
        }
        if (body.length > MAX_BODY) {
            throw invalid("The body is too large.");
        }
        JsonNode root = read(json.reader().with(StreamReadFeature.STRICT_DUPLICATE_DETECTION), body);
        if (root == null || !root.isObject()) {
            throw invalid("The body must be a JSON object.");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            String name = it.next().getKey();
            if (!FIELDS.contains(name)) {
                throw invalid("Unknown field.");
            }
        }
        String kind = text(root, "kind", true);
        if (!KIND.matcher(kind).matches()) {
            throw invalid("kind must match " + KIND.pattern() + ".");
        }
        String actor = text(root, "actor", true);
        if (!ID.matcher(actor).matches()) {
            throw invalid("actor must be 1 to 200 printable characters.");
        }
        String clientId = text(root, "client_id", false);
        if (clientId != null && !ID.matcher(clientId).matches()) {
            throw invalid("client_id must be 1 to 200 printable characters.");
        }
        String userId = text(root, "user_id", false);
        UUID user = userId == null ? null : uuid(userId);
        String ip = text(root, "ip", false);
        if (ip != null && !IP.matcher(ip).matches()) {
            throw invalid("ip must be an IPv4 or IPv6 address.");
        }
        return new ReportedAuditEvent(kind, actor, clientId, user, ip, detail(json, root.get("detail")));
    }

    private static JsonNode read(ObjectReader reader, byte[] body) {
        try {
            return reader.readTree(body);
        } catch (IOException e) {
            throw invalid("The body is not well-formed JSON (or repeats a field).");
        }
    }

    private static String text(JsonNode root, String name, boolean required) {
        JsonNode v = root.get(name);
        if (v == null || v.isNull()) {
            if (required) {
                throw invalid("Missing " + name + ".");
            }
            return null;
        }
        if (!v.isTextual()) {
            throw invalid(name + " must be a string.");
        }
        return v.textValue();
    }

    private static UUID uuid(String value) {
        try {
            UUID id = UUID.fromString(value);
            if (id.toString().equals(value.toLowerCase(java.util.Locale.ROOT))) {
                return id;
            }
        } catch (IllegalArgumentException e) {
            // below
        }
        throw invalid("user_id must be a UUID.");
    }

    private static String detail(ObjectMapper json, JsonNode detail) {
        if (detail == null || detail.isNull()) {
            return null;
        }
        if (!detail.isObject()) {
            throw invalid("detail must be a JSON object.");
        }
        String text;
        try {
            text = json.writeValueAsString(detail);
        } catch (IOException e) {
            throw invalid("detail is not serialisable.");
        }
        if (text.length() > MAX_DETAIL) {
            throw invalid("detail is larger than " + MAX_DETAIL + " characters.");
        }
        return text;
    }

    private static OAuthException invalid(String description) {
        return OAuthError.INVALID_REQUEST.with(description);
    }

    public AuditEvent toEvent() {
        return AuditEvent.admin(kind, actor, userId, clientId, ip, detail);
    }
}
