package io.latchkey.consent.user;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.latchkey.consent.config.ConsentServiceConfig;
import io.latchkey.consent.login.PasswordHasher;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;

/**
 * Inserts the demo user and the demo operator ({@value #OPERATOR_USERNAME}, role operator) when {@code latchkey.seed.demo=true} (run script, e2e tests). Production seeds nothing.
 * Runs on the start-up thread (which may block), never on the event loop.
 */
@ApplicationScoped
public class DemoSeed {

    public static final String USERNAME = "demo@latchkey.dev";
    public static final String PASSWORD = "latchkey-demo";
    public static final String DISPLAY_NAME = "Demo User";
    public static final String OPERATOR_USERNAME = "operator@latchkey.dev";
    public static final String OPERATOR_PASSWORD = "latchkey-operator";
    public static final String OPERATOR_DISPLAY_NAME = "Demo Operator";

    private static final Logger LOG = Logger.getLogger(DemoSeed.class);

    void onStart(@Observes StartupEvent event, UserRepository users, PasswordHasher hasher,
                 ConsentServiceConfig config) throws Throwable {
        if (!config.seed().demo()) {
            return;
        }
        seed(users, User.create(USERNAME, DISPLAY_NAME, hasher.hash(PASSWORD)));
        User operator = User.create(OPERATOR_USERNAME, OPERATOR_DISPLAY_NAME, hasher.hash(OPERATOR_PASSWORD));
        operator.operator = true;
        seed(users, operator);
    }

    private static void seed(UserRepository users, User user) throws Throwable {
        User inserted = VertxContextSupport.subscribeAndAwait(() -> users.findByUsername(user.username)
                .flatMap(existing -> existing != null
                        ? Uni.createFrom().nullItem()
                        : users.insert(user)));
        if (inserted != null) {
            LOG.infof("Seeded demo %s %s", user.operator ? "operator" : "user", user.username);
        }
    }
}
