package io.latchkey.common.config;

import io.smallrye.config.WithDefault;

/** {@code latchkey.seed.*}. */
public interface SeedSettings {

    /** Seed the demo user and clients (run.sh and tests only); also lifts the start-up secret check. */
    @WithDefault("false")
    boolean demo();
}
