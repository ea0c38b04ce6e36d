package io.latchkey.consent.user;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.latchkey.consent.login.PasswordHasher;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;

/**
 * Inserts the demo user when {@code latchkey.seed.demo=true} (run script, e2e tests). Production seeds nothing.
 * Runs on the start-up thread (which may block), never on the event loop.
 */
@ApplicationScoped
public class DemoSeed {

    public static final String USERNAME = "demo@latchkey.dev";
    public static final String PASSWORD = "latchkey-demo";
    public static final String DISPLAY_NAME = "Demo User";

    private static final Logger LOG = Logger.getLogger(DemoSeed.class);

    void onStart(@Observes StartupEvent event, UserRepository users, PasswordHasher hasher,
                 @ConfigProperty(name = "latchkey.seed.demo", defaultValue = "false") boolean seed) throws Throwable {
        if (!seed) {
            return;
        }
        String hash = hasher.hash(PASSWORD);
        User inserted = VertxContextSupport.subscribeAndAwait(() -> users.findByUsername(USERNAME)
                .flatMap(existing -> existing != null
                        ? Uni.createFrom().nullItem()
                        : users.insert(User.create(USERNAME, DISPLAY_NAME, hash))));
        if (inserted != null) {
            LOG.infof("Seeded demo user %s", USERNAME);
        }
    }
}
