package io.latchkey.consent.web;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.latchkey.common.Form;
import io.latchkey.common.trust.OperatorIdentity;
import io.latchkey.consent.admin.PageCursor;
import io.latchkey.consent.audit.AuditEvent;
import io.latchkey.consent.audit.AuditFilter;
import io.latchkey.consent.audit.AuditLog;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

/**
 * {@code GET /admin/audit-events}: the audit trail, newest first, filtered by {@code user_id}, {@code client_id},
 * {@code kind}, {@code since} (inclusive) / {@code until} (exclusive), paginated with {@code limit} and {@code cursor}.
 */
@Path("/admin/audit-events")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: audit", description = "Operator access token with scope admin")
public class AdminAuditResource {

    public record EventView(@JsonProperty("id") String id, @JsonProperty("at") OffsetDateTime at,
                            @JsonProperty("kind") String kind, @JsonProperty("actor") String actor,
                            @JsonProperty("user_id") String userId, @JsonProperty("client_id") String clientId,
                            @JsonProperty("ip") String ip, @JsonProperty("user_agent") String userAgent,
                            @JsonProperty("scope") String scope, @JsonProperty("grant_id") String grantId,
                            @JsonProperty("detail") JsonNode detail) {
    }

    public record EventList(@JsonProperty("events") List<EventView> events,
                            @JsonProperty("next_cursor") String nextCursor) {
    }

    private final OperatorIdentity identity;
    private final AuditLog audit;
    private final ObjectMapper json;

    public AdminAuditResource(OperatorIdentity identity, AuditLog audit, ObjectMapper json) {
        this.identity = identity;
        this.audit = audit;
        this.json = json;
    }

    @GET
    @Operation(summary = "Audit events, newest first: user_id, client_id, kind, since, until, limit, cursor")
    public Uni<EventList> list(@Context HttpHeaders headers, @Context HttpServerRequest request) {
        identity.require(headers);
        Form query = Form.query(request.query());
        AuditFilter filter = AuditFilter.of(query);
        PageCursor page = PageCursor.of(query);
        return audit.search(filter, page)
                .map(found -> page.slice(found, e -> e.at, e -> e.id))
                .map(slice -> new EventList(slice.items().stream().map(this::view).toList(), slice.nextCursor()));
    }

    private EventView view(AuditEvent e) {
        return new EventView(e.id.toString(), e.at, e.action, e.actor, e.userId == null ? null : e.userId.toString(),
                e.clientId, e.ip, e.userAgent, e.scopes, e.grantId == null ? null : e.grantId.toString(), detail(e));
    }

    private JsonNode detail(AuditEvent e) {
        if (e.detail == null) {
            return null;
        }
        try {
            return json.readTree(e.detail);
        } catch (IOException ex) {
            return null;
        }
    }
}
