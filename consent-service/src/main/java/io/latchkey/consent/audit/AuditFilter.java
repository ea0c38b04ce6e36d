package io.latchkey.consent.audit;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import io.latchkey.common.Form;
import io.latchkey.common.error.OAuthError;

/** Which audit events an operator asks for ({@code GET /admin/audit-events}); every field optional. */
public record AuditFilter(UUID userId, String clientId, String kind, OffsetDateTime since, OffsetDateTime until) {

    public static AuditFilter of(Form query) {
        String user = query.optional("user_id");
        UUID userId = null;
        if (user != null) {
            try {
                userId = UUID.fromString(user);
            } catch (IllegalArgumentException e) {
                throw OAuthError.INVALID_REQUEST.with("user_id must be a UUID.");
            }
        }
        String clientId = query.optional("client_id");
        if (clientId != null && clientId.length() > 200) {
            throw OAuthError.INVALID_REQUEST.with("client_id is longer than 200 characters.");
        }
        String kind = query.optional("kind");
        if (kind != null && !ReportedAuditEvent.KIND.matcher(kind).matches()) {
            throw OAuthError.INVALID_REQUEST.with("Malformed kind.");
        }
        OffsetDateTime since = time(query.optional("since"), "since");
        OffsetDateTime until = time(query.optional("until"), "until");
        if (since != null && until != null && since.isAfter(until)) {
            throw OAuthError.INVALID_REQUEST.with("since is after until.");
        }
        return new AuditFilter(userId, clientId, kind, since, until);
    }

    private static OffsetDateTime time(String value, String name) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value).atOffset(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw OAuthError.INVALID_REQUEST.with(name + " must be an ISO-8601 instant, e.g. 2030-01-02T03:04:05Z.");
        }
    }
}
