package io.latchkey.common.config;

import io.smallrye.config.WithDefault;

/** {@code latchkey.redis.*}. */
public interface RedisSettings {

    /** Prefix of every Redis key and channel a service writes or reads. */
    @WithDefault("lk:")
    String keyPrefix();
}
