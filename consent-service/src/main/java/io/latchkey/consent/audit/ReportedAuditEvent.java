package io.latchkey.consent.audit;

import java.io.IOException;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.latchkey.common.contract.AuditEventReport;
import io.latchkey.common.error.OAuthException;
import io.latchkey.consent.json.StrictJson;

/**
 * An admin action another service reports ({@code POST /internal/audit-events}, docs/internal-api.md), read strictly:
 * a JSON object with only the known fields, each of the right type and bounded size, no field twice.
 */
public record ReportedAuditEvent(String kind, String actor, String clientId, UUID userId, String ip, String detail) {

    public static final int MAX_BODY = AuditEventReport.MAX_BODY;
    public static final int MAX_DETAIL = AuditEventReport.MAX_DETAIL;
    public static final Pattern KIND = Pattern.compile("[a-z][a-z0-9_.]{0,63}");
    /** Printable ASCII without spaces: client ids, user ids. */
    private static final Pattern ID = Pattern.compile("[\\x21-\\x7e]{1,200}");
    private static final Pattern IP = Pattern.compile("[0-9A-Fa-f:.]{2,45}");
    /** The members of the contract record (oauth-common {@link AuditEventReport}), and only those. */
    private static final Set<String> FIELDS = AuditEventReport.FIELDS;

    public static ReportedAuditEvent parse(ObjectMapper json, byte[] body) {
        StrictJson in = StrictJson.object(json, body, MAX_BODY, FIELDS);
        String kind = in.text("kind", true, 64);
        if (!KIND.matcher(kind).matches()) {
            throw invalid("kind must match " + KIND.pattern() + ".");
        }
        String actor = in.text("actor", true, 200);
        if (!ID.matcher(actor).matches()) {
            throw invalid("actor must be 1 to 200 printable characters.");
        }
        String clientId = in.text("client_id", false, 200);
        if (clientId != null && !ID.matcher(clientId).matches()) {
            throw invalid("client_id must be 1 to 200 printable characters.");
        }
        String userId = in.text("user_id", false, 36);
        UUID user = userId == null ? null : uuid(userId);
        String ip = in.text("ip", false, 45);
        if (ip != null && !IP.matcher(ip).matches()) {
            throw invalid("ip must be an IPv4 or IPv6 address.");
        }
        return new ReportedAuditEvent(kind, actor, clientId, user, ip, detail(json, in.node("detail")));
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
        return StrictJson.invalid(description);
    }

    public AuditEvent toEvent() {
        return AuditEvent.admin(kind, actor, userId, clientId, ip, detail);
    }
}
