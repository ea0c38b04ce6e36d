package io.latchkey.common.trust;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

import org.eclipse.microprofile.config.Config;

import io.latchkey.common.config.SharedConfig;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;

/**
 * Every service runs this at start-up: in production (a packaged run, not dev or test mode, without {@code latchkey.seed.demo=true}) a
 * missing, short, published or shared secret stops the service before it answers anything. Each service lists the
 * secrets it holds in {@code latchkey.secrets.required}.
 */
@ApplicationScoped
public class SecretCheck {

    private final Config config;
    private final List<String> required;
    private final boolean demo;

    @Inject
    public SecretCheck(Config config, SharedConfig shared) {
        this(config, shared.secrets().required(), shared.seed().demo());
    }

    SecretCheck(Config config, List<String> required, boolean demo) {
        this.config = config;
        this.required = required;
        this.demo = demo;
    }

    /** Before every other start-up observer: nothing else runs (or touches stored data) with unsafe secrets. */
    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) {
        // dev and test modes, and the demo (run.sh, the e2e harness), may run with the published values
        verify(LaunchMode.current() == LaunchMode.NORMAL && !demo);
    }

    private Optional<String> read(String key) {
        try {
            return config.getOptionalValue(key, String.class);
        } catch (RuntimeException unresolved) {
            // ${LATCHKEY_...} without that variable: the same as not set
            return Optional.empty();
        }
    }

    /** Throws (and so stops the start-up) when {@code strict} and a secret breaks {@link SecretPolicy}. */
    void verify(boolean strict) {
        if (!strict) {
            return;
        }
        Map<String, Optional<String>> secrets = new LinkedHashMap<>();
        for (String key : required) {
            secrets.put(key.trim(), read(key.trim()));
        }
        List<String> problems = SecretPolicy.problems(secrets);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Refusing to start with unsafe secrets: " + String.join(" ", problems)
                    + " Set each one to a random value of at least " + SecretPolicy.MIN_LENGTH
                    + " characters (e.g. openssl rand -base64 48).");
        }
    }
}
