package io.latchkey.common.config;

import java.util.Optional;

import io.smallrye.config.WithDefault;

/** {@code latchkey.seed.*}. */
public interface SeedSettings {

    /** Seed the demo user and clients (run.sh and tests only); also lifts the start-up secret check. */
    @WithDefault("false")
    boolean demo();

    /**
     * token-service, with the demo seed: the secret of the operator client latchkey-operator (env
     * LATCHKEY_DEMO_OPERATOR_SECRET); unset: that client is not seeded.
     */
    Optional<String> operatorSecret();
}
