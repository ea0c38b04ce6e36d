package io.latchkey.consent.login;

import jakarta.enterprise.context.ApplicationScoped;

import io.latchkey.consent.user.User;
import io.latchkey.consent.user.UserRepository;
import io.smallrye.mutiny.Uni;

/**
 * Checks a username and password. Unknown, disabled and wrong-password users all look the same from outside, and
 * take the same time: each runs one Argon2id check (against a dummy hash when there is no usable one).
 */
@ApplicationScoped
public class Authenticator {

    private static final int MAX_PASSWORD_LENGTH = 1024;
    private static final int MAX_USERNAME_LENGTH = 320;

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final PasswordChecks checks;

    public Authenticator(UserRepository users, PasswordHasher hasher, PasswordChecks checks) {
        this.users = users;
        this.hasher = hasher;
        this.checks = checks;
    }

    /**
     * The user when the credentials are right and the account is enabled, else null; fails with
     * {@link PasswordChecks.Busy} when no check slot is free.
     */
    public Uni<User> authenticate(String username, String password) {
        if (username == null || password == null || username.isBlank() || password.isEmpty()
                || username.length() > MAX_USERNAME_LENGTH || password.length() > MAX_PASSWORD_LENGTH) {
            return Uni.createFrom().nullItem();
        }
        return users.findByUsername(username)
                .flatMap(user -> checks.run(() -> check(user, password)));
    }

    /** Runs on a password-check thread: Argon2id is deliberately slow. */
    private User check(User user, String password) {
        if (user == null || user.disabled) {
            // same work for unknown and disabled users: no user enumeration by timing
            hasher.verifyDummy(password);
            return null;
        }
        return hasher.verify(password, user.passwordHash) ? user : null;
    }
}
