package io.latchkey.common.config;

import java.time.Duration;

import io.smallrye.config.WithDefault;

/** The part of {@code latchkey.clients.*} every service that caches OAuth clients reads. */
public interface ClientCacheSettings {

    /** How long a client read on the hot path is kept in memory; every client change drops it at once. */
    @WithDefault("PT30S")
    Duration cacheTtl();
}
