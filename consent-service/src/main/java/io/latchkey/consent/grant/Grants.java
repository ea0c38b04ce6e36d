package io.latchkey.consent.grant;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.latchkey.common.error.OAuthError;
import io.latchkey.consent.audit.AuditEvent;
import io.latchkey.consent.audit.AuditLog;
import io.latchkey.consent.audit.Origin;
import io.latchkey.consent.user.OperatorRole;
import io.latchkey.consent.user.UserRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** Records consent: creates or extends the user's grant to a client and writes the audit event, in one transaction. */
@ApplicationScoped
public class Grants {

    private final GrantRepository grants;
    private final UserRepository users;
    private final AuditLog audit;

    public Grants(GrantRepository grants, UserRepository users, AuditLog audit) {
        this.grants = grants;
        this.users = users;
        this.audit = audit;
    }

    /** The user's active grant to this client, or null. */
    @WithSession
    public Uni<Grant> active(UUID userId, String clientId) {
        return grants.findActive(userId, clientId);
    }

    /**
     * The user's row is read FOR SHARE first: a grant is written only for an enabled user, and scope admin only for an
     * operator; a concurrent disable (which updates that row, then revokes every active grant) waits for this
     * transaction, so it sees and revokes the grant written here.
     */
    @WithTransaction
    public Uni<Grant> authorize(UUID userId, String clientId, String scope, String via, Origin origin) {
        return users.findById(userId, LockModeType.PESSIMISTIC_READ)
                .invoke(user -> {
                    if (!OperatorRole.mayBeGranted(user, scope)) {
                        throw user == null || user.disabled
                                ? OAuthError.ACCESS_DENIED.with("This account is disabled.")
                                : OAuthError.INVALID_SCOPE.with("The scope admin can be granted only to operators.");
                    }
                })
                // one active grant per (user, client): approving again merges the scopes, atomically (concurrent approvals)
                .flatMap(user -> grants.upsert(userId, clientId, scope, via))
                .call(grant -> audit.record(
                        AuditEvent.of(AuditEvent.AUTHORIZE, userId, clientId, scope, grant.id, origin)));
    }

    @WithTransaction
    public Uni<Void> deny(UUID userId, String clientId, String scope, Origin origin) {
        return audit.record(AuditEvent.of(AuditEvent.DENY, userId, clientId, scope, null, origin)).replaceWithVoid();
    }
}
