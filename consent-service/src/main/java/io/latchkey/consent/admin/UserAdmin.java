package io.latchkey.consent.admin;

import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.latchkey.common.error.OAuthError;
import io.latchkey.common.error.OAuthException;
import io.latchkey.common.trust.OperatorIdentity.Caller;
import io.latchkey.consent.audit.AuditEvent;
import io.latchkey.consent.audit.AuditLog;
import io.latchkey.consent.audit.Origin;
import io.latchkey.consent.grant.ActiveGrants;
import io.latchkey.consent.grant.AuthorizedApps;
import io.latchkey.consent.grant.Grant;
import io.latchkey.consent.login.PasswordChecks;
import io.latchkey.consent.login.PasswordHasher;
import io.latchkey.consent.login.Sessions;
import io.latchkey.consent.user.User;
import io.latchkey.consent.user.UserRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Operators manage users (issue 12): create, find, disable, enable. Every action is audited in the transaction that
 * makes it. Disabling a user ends their browser sessions and revokes every grant they hold through the same
 * revocation as "Authorized apps" (token-service kills the refresh families and deny-lists the access tokens on every
 * gateway); it is idempotent, so after a 503 (token-service unreachable; the user is disabled already, sign-in and
 * new grants are refused) the operator simply disables again.
 */
@ApplicationScoped
public class UserAdmin {

    private static final Logger LOG = Logger.getLogger(UserAdmin.class);

    public static final int MAX_EMAIL = 320;
    public static final int MAX_DISPLAY_NAME = 200;
    public static final int MIN_PASSWORD = 10;
    public static final int MAX_PASSWORD = 1024;
    private static final Pattern EMAIL = Pattern.compile("[^\\s@]{1,64}@[^\\s@.]+(\\.[^\\s@.]+)+");

    /** A user to create, validated. */
    public record NewUser(String email, String displayName, String password) {

        public NewUser {
            if (email == null || !EMAIL.matcher(email.trim()).matches() || email.length() > MAX_EMAIL) {
                throw OAuthError.INVALID_REQUEST.with("email must be an email address of at most " + MAX_EMAIL
                        + " characters.");
            }
            if (displayName == null || displayName.isBlank() || displayName.length() > MAX_DISPLAY_NAME) {
                throw OAuthError.INVALID_REQUEST.with("display_name must be 1 to " + MAX_DISPLAY_NAME + " characters.");
            }
            if (password == null || password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD) {
                throw OAuthError.INVALID_REQUEST.with("password must be " + MIN_PASSWORD + " to " + MAX_PASSWORD
                        + " characters.");
            }
            email = UserRepository.canonical(email);
            displayName = displayName.trim();
        }

        @Override
        public String toString() {
            return "NewUser[" + email + "]";
        }
    }

    /** A page of users; {@code nextCursor} null on the last page. */
    public record UserPage(List<User> users, String nextCursor) {
    }

    /** What a disable did. */
    public record Disabled(User user, int sessionsEnded, int grantsRevoked) {
    }

    private final UserRepository users;
    private final AuditLog audit;
    private final PasswordHasher hasher;
    private final PasswordChecks checks;
    private final Sessions sessions;
    private final ActiveGrants grants;
    private final AuthorizedApps apps;

    public UserAdmin(UserRepository users, AuditLog audit, PasswordHasher hasher, PasswordChecks checks,
                     Sessions sessions, ActiveGrants grants, AuthorizedApps apps) {
        this.users = users;
        this.audit = audit;
        this.hasher = hasher;
        this.checks = checks;
        this.sessions = sessions;
        this.grants = grants;
        this.apps = apps;
    }

    /** 409 when the email is taken. Argon2id runs on the password-check pool, never on the event loop. */
    public Uni<User> create(Caller caller, NewUser u) {
        return users.findByUsername(u.email())
                .invoke(existing -> {
                    if (existing != null) {
                        throw conflict();
                    }
                })
                .flatMap(ignored -> checks.run(() -> hasher.hash(u.password())))
                .onFailure(PasswordChecks.Busy.class).transform(e -> OAuthError.TEMPORARILY_UNAVAILABLE
                        .with("Too many password operations at once; retry shortly."))
                .flatMap(hash -> insert(caller, User.create(u.email(), u.displayName(), hash)))
                .onFailure(UserAdmin::duplicate).transform(e -> conflict());
    }

    @WithTransaction
    Uni<User> insert(Caller caller, User user) {
        return users.insert(user)
                .call(created -> audit.record(AuditEvent.admin(AuditEvent.USER_CREATE, caller.actor(), created.id,
                        null, caller.ip(), null)));
    }

    public Uni<UserPage> list(String email, String q, PageCursor page) {
        return users.page(email, q, page)
                .map(found -> page.slice(found, u -> u.createdAt, u -> u.id))
                .map(slice -> new UserPage(slice.items(), slice.nextCursor()));
    }

    public Uni<User> find(UUID id) {
        return users.findByIdInSession(id);
    }

    /** Null when there is no such user. */
    public Uni<Disabled> disable(Caller caller, UUID id) {
        return markDisabled(caller, id, true)
                .flatMap(user -> user == null ? Uni.createFrom().nullItem() : cutOff(caller, user));
    }

    /** Null when there is no such user. Revoked grants stay revoked: the user authorizes apps again. */
    public Uni<User> enable(Caller caller, UUID id) {
        return markDisabled(caller, id, false);
    }

    @WithTransaction
    Uni<User> markDisabled(Caller caller, UUID id, boolean disabled) {
        return users.setDisabled(id, disabled)
                .call(user -> user == null ? Uni.createFrom().voidItem()
                        : audit.record(AuditEvent.admin(disabled ? AuditEvent.USER_DISABLE : AuditEvent.USER_ENABLE,
                                caller.actor(), user.id, null, caller.ip(), null)));
    }

    /** The user is disabled (committed): end every session, then revoke every active grant. */
    private Uni<Disabled> cutOff(Caller caller, User user) {
        Origin origin = new Origin(caller.ip(), null);
        return sessions.closeAllOf(user.id)
                .flatMap(ended -> grants.of(user.id)
                        .flatMap(active -> revokeAll(user.id, active, origin))
                        .map(revoked -> new Disabled(user, ended, revoked)))
                .invoke(d -> LOG.infof("User %s disabled by %s: %d sessions ended, %d grants revoked", user.id,
                        caller.actor(), d.sessionsEnded(), d.grantsRevoked()));
    }

    private Uni<Integer> revokeAll(UUID userId, List<Grant> active, Origin origin) {
        Uni<Integer> done = Uni.createFrom().item(0);
        for (Grant g : active) {
            done = done.flatMap(n -> apps.revoke(userId, g.id, origin)
                    .map(outcome -> outcome == AuthorizedApps.Outcome.REVOKED ? n + 1 : n));
        }
        return done;
    }

    private static OAuthException conflict() {
        return OAuthError.CONFLICT.with("A user with this email exists already.");
    }

    private static boolean duplicate(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            String m = c.getMessage();
            if (m != null && (m.contains("users_username_key") || m.contains("23505"))) {
                return true;
            }
        }
        return false;
    }
}
