package io.latchkey.consent.login;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.latchkey.consent.user.User;
import io.latchkey.consent.user.UserRepository;
import io.smallrye.mutiny.Uni;

/**
 * Checks a username and password. Unknown, disabled and wrong-password users all look the same from outside, and
 * take the same time: each runs one Argon2id check (against a dummy hash when there is no usable one). A right
 * password whose stored hash was made with other cost parameters than the configured ones gets a fresh hash.
 */
@ApplicationScoped
public class Authenticator {

    private static final Logger LOG = Logger.getLogger(Authenticator.class);
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
                .flatMap(user -> checks.run(() -> check(user, password)))
                .flatMap(this::storeRehash);
    }

    /** Runs on a password-check thread: Argon2id is deliberately slow. */
    private Verified check(User user, String password) {
        if (user == null || user.disabled) {
            // same work for unknown and disabled users: no user enumeration by timing
            hasher.verifyDummy(password);
            return null;
        }
        if (!hasher.verify(password, user.passwordHash)) {
            return null;
        }
        // the new hash is made in the same check slot, so a burst of upgrades is bounded like any other check
        return new Verified(user, hasher.needsRehash(user.passwordHash) ? hasher.hash(password) : null);
    }

    /**
     * Stores the upgraded hash, if there is one. Best effort: the sign-in has succeeded either way, and a hash left
     * as it was is upgraded at the next sign-in.
     */
    private Uni<User> storeRehash(Verified verified) {
        if (verified == null || verified.newHash == null) {
            return Uni.createFrom().item(verified == null ? null : verified.user);
        }
        User user = verified.user;
        return users.replacePasswordHash(user.id, user.passwordHash, verified.newHash)
                .map(replaced -> user)
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("Could not store the upgraded password hash of user %s (%s); kept the old one",
                            user.id, failure.getClass().getSimpleName());
                    return user;
                });
    }

    private record Verified(User user, String newHash) {
    }
}
