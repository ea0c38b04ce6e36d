package io.latchkey.consent.grant;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.latchkey.consent.audit.AuditEvent;
import io.latchkey.consent.audit.AuditLog;
import io.latchkey.consent.audit.Origin;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** A user's active (not revoked) grants in PostgreSQL, each call in its own session or transaction. */
@ApplicationScoped
public class ActiveGrants {

    private final GrantRepository grants;
    private final AuditLog audit;

    public ActiveGrants(GrantRepository grants, AuditLog audit) {
        this.grants = grants;
        this.audit = audit;
    }

    /** Newest first. */
    @WithSession
    public Uni<List<Grant>> of(UUID userId) {
        return grants.list("userId = ?1 and revokedAt is null order by createdAt desc", userId);
    }

    /** The grant when it is this user's and still active, else null. */
    @WithSession
    public Uni<Grant> find(UUID userId, UUID grantId) {
        return active(userId, grantId);
    }

    /** Marks the grant revoked and audits it in one transaction; false when it was not active (a concurrent revoke). */
    @WithTransaction
    public Uni<Boolean> markRevoked(UUID userId, UUID grantId, Origin origin) {
        return active(userId, grantId)
                .flatMap(grant -> {
                    if (grant == null) {
                        return Uni.createFrom().item(false);
                    }
                    grant.revokedAt = OffsetDateTime.now();
                    return audit.record(AuditEvent.of(AuditEvent.REVOKE, userId, grant.clientId, grant.scopes,
                                    grant.id, origin))
                            .replaceWith(true);
                });
    }

    private Uni<Grant> active(UUID userId, UUID grantId) {
        return grants.find("id = ?1 and userId = ?2 and revokedAt is null", grantId, userId).firstResult();
    }
}
