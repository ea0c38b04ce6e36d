package io.latchkey.common.config;

import io.smallrye.config.ConfigMapping;

/**
 * The keys oauth-common's own beans read ({@code trust/}, {@code internal/}), in whichever service they run. The
 * services' root mappings extend {@link PlatformConfig} the same way, so both read one definition of each key.
 */
@ConfigMapping(prefix = "latchkey")
public interface SharedConfig extends PlatformConfig {

    /** {@code latchkey.gateway.identity-secret}. */
    IdentitySettings gateway();

    /** {@code latchkey.secrets.*}. */
    SecretSettings secrets();

    /** {@code latchkey.seed.*}. */
    SeedSettings seed();
}
