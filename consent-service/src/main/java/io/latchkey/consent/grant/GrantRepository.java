package io.latchkey.consent.grant;

import io.latchkey.common.Scopes;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Grants in PostgreSQL ({@code consent.grants}). Callers provide the session/transaction. */
@ApplicationScoped
public class GrantRepository implements PanacheRepositoryBase<Grant, UUID> {

    /**
     * One statement, so concurrent first approvals cannot both insert: the one active grant per (user, client)
     * (index grants_one_active_per_user_client) is created, or has the new scopes merged into it in the order first
     * approved, under the row lock PostgreSQL takes for ON CONFLICT DO UPDATE.
     */
    private static final String UPSERT = """
            INSERT INTO consent.grants AS g (id, user_id, client_id, scopes, via, created_at, last_used_at)
            VALUES (:id, :userId, :clientId, :scopes, :via, now(), now())
            ON CONFLICT (user_id, client_id) WHERE revoked_at IS NULL DO UPDATE SET
                scopes = (SELECT string_agg(t.scope, ' ' ORDER BY t.first)
                          FROM (SELECT u.scope, min(u.n) AS first
                                FROM unnest(string_to_array(g.scopes || ' ' || EXCLUDED.scopes, ' '))
                                     WITH ORDINALITY AS u(scope, n)
                                WHERE u.scope <> ''
                                GROUP BY u.scope) t),
                last_used_at = now()
            RETURNING g.*""";

    /** The active grant of this user to this client, or null. */
    public Uni<Grant> findActive(UUID userId, String clientId) {
        return find("userId = ?1 and clientId = ?2 and revokedAt is null", userId, clientId).firstResult();
    }

    /** Creates the user's active grant to the client, or merges {@code scopes} into it; returns the grant as stored. */
    public Uni<Grant> upsert(UUID userId, String clientId, String scopes, String via) {
        return Panache.getSession()
                .flatMap(session -> session.createNativeQuery(UPSERT, Grant.class)
                        .setParameter("id", UUID.randomUUID())
                        .setParameter("userId", userId)
                        .setParameter("clientId", clientId)
                        .setParameter("scopes", Scopes.format(Scopes.parse(scopes)))
                        .setParameter("via", via)
                        .getSingleResult());
    }
}
