package io.latchkey.common.config;

import io.smallrye.config.WithDefault;

/**
 * The {@code latchkey.*} keys every process reads, the gateway included. Each service's root mapping extends it, so a
 * shared key has one name, one type and one default (README.md, "Configuration").
 */
public interface PlatformConfig {

    /** Public base URL of the platform (the gateway): {@code iss}, the metadata, {@code verification_uri}. */
    @WithDefault("http://localhost:8080")
    String issuer();

    /** {@code latchkey.internal.*}: the service-to-service calls. */
    InternalSettings internal();

    /** {@code latchkey.redis.*}. */
    RedisSettings redis();

    /** {@code latchkey.services.*}: where the services reach each other. */
    ServicesConfig services();
}
