package io.latchkey.common.config;

import io.smallrye.config.WithName;

/**
 * The keys oauth-common's own beans read ({@code trust/}, {@code internal/}), in whichever service they run. Each
 * service's root {@code @ConfigMapping(prefix = "latchkey")} extends it, so these beans get the service's mapping and
 * every shared key has one definition and one default.
 */
public interface SharedConfig extends PlatformConfig {

    /** {@code latchkey.gateway.identity-secret}: the gateway's proof the services check. */
    @WithName("gateway")
    IdentitySettings identity();

    /** {@code latchkey.secrets.*}. */
    SecretSettings secrets();

    /** {@code latchkey.seed.*}. */
    SeedSettings seed();
}
