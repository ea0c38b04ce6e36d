package io.latchkey.consent.web;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.latchkey.common.internal.InternalApi;
import io.latchkey.consent.audit.AuditLog;
import io.latchkey.consent.audit.ReportedAuditEvent;
import io.smallrye.mutiny.Uni;

/**
 * {@code POST /internal/audit-events} (docs/internal-api.md): another service (token-service's admin API) records an
 * admin action in the audit trail consent-service owns. 204 once it is stored; a caller must not act unaudited when
 * this fails.
 */
@InternalApi
@Path("/internal/audit-events")
@Tag(name = "Internal: audit", description = "Used by token-service; needs X-Latchkey-Internal")
public class InternalAuditResource {

    private final AuditLog audit;
    private final ObjectMapper json;

    public InternalAuditResource(AuditLog audit, ObjectMapper json) {
        this.audit = audit;
        this.json = json;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record an admin action (kind, actor, client_id, user_id, ip, detail)")
    public Uni<Response> record(byte[] body) {
        ReportedAuditEvent event = ReportedAuditEvent.parse(json, body);
        return audit.record(event.toEvent()).map(ignored -> Response.noContent().build());
    }
}
