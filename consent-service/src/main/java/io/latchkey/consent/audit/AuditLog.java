package io.latchkey.consent.audit;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** The audit trail ({@code consent.audit_events}); joins the caller's transaction when there is one. */
@ApplicationScoped
public class AuditLog implements PanacheRepositoryBase<AuditEvent, UUID> {

    @WithTransaction
    public Uni<AuditEvent> record(AuditEvent event) {
        return persist(event);
    }
}
