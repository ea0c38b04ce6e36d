package io.latchkey.consent.grant;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.latchkey.consent.audit.AuditEvent;
import io.latchkey.consent.audit.AuditLog;
import io.latchkey.consent.audit.Origin;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** Records consent: creates or extends the user's grant to a client and writes the audit event, in one transaction. */
@ApplicationScoped
public class Grants {

    private final GrantRepository grants;
    private final AuditLog audit;

    public Grants(GrantRepository grants, AuditLog audit) {
        this.grants = grants;
        this.audit = audit;
    }

    /** The user's active grant to this client, or null. */
    @WithSession
    public Uni<Grant> active(UUID userId, String clientId) {
        return grants.findActive(userId, clientId);
    }

    @WithTransaction
    public Uni<Grant> authorize(UUID userId, String clientId, String scope, String via, Origin origin) {
        // one active grant per (user, client): approving again merges the scopes, atomically (concurrent approvals)
        return grants.upsert(userId, clientId, scope, via)
                .call(grant -> audit.record(
                        AuditEvent.of(AuditEvent.AUTHORIZE, userId, clientId, scope, grant.id, origin)));
    }

    @WithTransaction
    public Uni<Void> deny(UUID userId, String clientId, String scope, Origin origin) {
        return audit.record(AuditEvent.of(AuditEvent.DENY, userId, clientId, scope, null, origin)).replaceWithVoid();
    }
}
