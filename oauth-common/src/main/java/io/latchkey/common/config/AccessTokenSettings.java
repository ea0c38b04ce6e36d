package io.latchkey.common.config;

import java.time.Duration;

import io.smallrye.config.WithDefault;

/** The part of {@code latchkey.token.*} both token-service (issuing) and the gateway (verifying) read. */
public interface AccessTokenSettings {

    /** {@code aud} of every access token (env LATCHKEY_TOKEN_AUDIENCE); the gateway requires it. */
    @WithDefault("https://api.latchkey.dev")
    String audience();

    /** Access-token lifetime; a revocation is kept this long plus a minute (set the same in every process). */
    @WithDefault("PT10M")
    Duration accessTtl();
}
