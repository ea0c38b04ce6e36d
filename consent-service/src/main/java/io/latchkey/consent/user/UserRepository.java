package io.latchkey.consent.user;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.latchkey.consent.admin.PageCursor;
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
    public Uni<User> findByIdInSession(UUID id) {
        return findById(id);
    }

    @WithSession
    public Uni<User> findActiveById(UUID id) {
        return findById(id).map(u -> u == null || u.disabled ? null : u);
    }

    /**
     * One page of users in the order they were created, after the cursor's row: all of them, the one with this email
     * ({@code email}), or those whose email or name contains {@code q} (case-insensitive). One more row than the
     * limit is read, to know whether another page follows.
     */
    @WithSession
    public Uni<List<User>> page(String email, String q, PageCursor page) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (email != null) {
            where.append(" and username = :email");
            params.put("email", canonical(email));
        }
        if (q != null) {
            where.append(" and (lower(username) like :q escape '!' or lower(displayName) like :q escape '!')");
            params.put("q", "%" + likeEscaped(q.toLowerCase(Locale.ROOT)) + "%");
        }
        page.restrict(where, params, "createdAt", false);
        return find(where + " order by createdAt, id", params).range(0, page.limit()).list();
    }

    static String likeEscaped(String s) {
        return s.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    /** Sets the user's disabled flag; the user as stored, or null when there is none. */
    @WithTransaction
    public Uni<User> setDisabled(UUID id, boolean disabled) {
        return findById(id).invoke(u -> {
            if (u != null) {
                u.disabled = disabled;
            }
        });
    }

    /**
     * Replaces the user's password hash, but only while it is still {@code current}: a password changed meanwhile
     * wins. True when it was replaced.
     */
    @WithTransaction
    public Uni<Boolean> replacePasswordHash(UUID id, String current, String replacement) {
        return update("passwordHash = ?1 where id = ?2 and passwordHash = ?3", replacement, id, current)
                .map(rows -> rows == 1);
    }

    @WithTransaction
    public Uni<User> insert(User user) {
        user.username = canonical(user.username);
        return persist(user);
    }
}
