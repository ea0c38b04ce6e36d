package io.latchkey.consent.grant;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Grants in PostgreSQL ({@code consent.grants}). Callers provide the session/transaction. */
@ApplicationScoped
public class GrantRepository implements PanacheRepositoryBase<Grant, UUID> {

    /** The active grant of this user to this client, or null. */
    public Uni<Grant> findActive(UUID userId, String clientId) {
        return find("userId = ?1 and clientId = ?2 and revokedAt is null", userId, clientId).firstResult();
    }
}
