package io.latchkey.consent.user;

import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** Users in PostgreSQL ({@code consent.users}). */
@ApplicationScoped
public class UserRepository implements PanacheRepositoryBase<User, UUID> {

    /** Usernames are email addresses, compared case-insensitively (stored lower-case). */
    public static String canonical(String username) {
        return username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
    }

    @WithSession
    public Uni<User> findByUsername(String username) {
        return find("username", canonical(username)).firstResult();
    }

    @WithSession
    public Uni<User> findActiveById(UUID id) {
        return findById(id).map(u -> u == null || u.disabled ? null : u);
    }

    @WithTransaction
    public Uni<User> insert(User user) {
        user.username = canonical(user.username);
        return persist(user);
    }
}
