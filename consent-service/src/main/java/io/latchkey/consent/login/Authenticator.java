package io.latchkey.consent.login;

import jakarta.enterprise.context.ApplicationScoped;

import io.latchkey.consent.user.User;
import io.latchkey.consent.user.UserRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

/** Checks a username and password. Unknown, disabled and wrong-password users all look the same from outside. */
@ApplicationScoped
public class Authenticator {

    private static final int MAX_PASSWORD_LENGTH = 1024;
    private static final int MAX_USERNAME_LENGTH = 320;

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final Vertx vertx;

    public Authenticator(UserRepository users, PasswordHasher hasher, Vertx vertx) {
        this.users = users;
        this.hasher = hasher;
        this.vertx = vertx;
    }

    /** The user when the credentials are right and the account is enabled, else null. */
    public Uni<User> authenticate(String username, String password) {
        if (username == null || password == null || username.isBlank() || password.isEmpty()
                || username.length() > MAX_USERNAME_LENGTH || password.length() > MAX_PASSWORD_LENGTH) {
            return Uni.createFrom().nullItem();
        }
        return users.findByUsername(username)
                .flatMap(user -> vertx.executeBlocking(Uni.createFrom().item(() -> check(user, password)), false));
    }

    /** Runs on a worker thread: Argon2id is deliberately slow. */
    private User check(User user, String password) {
        if (user == null || user.disabled) {
            // same work for unknown and disabled users: no user enumeration by timing
            hasher.verifyDummy(password);
            return null;
        }
        return hasher.verify(password, user.passwordHash) ? user : null;
    }
}
