package io.latchkey.gateway.config;

import io.latchkey.common.config.AccessTokenSettings;
import io.latchkey.common.config.SharedConfig;
import io.latchkey.gateway.limit.RateLimitConfig;
import io.smallrye.config.ConfigMapping;

/**
 * Every {@code latchkey.*} key the gateway reads, with its default (README.md, "Configuration"); the keys every
 * service shares come from {@link SharedConfig}.
 */
@ConfigMapping(prefix = "latchkey")
public interface GatewayServiceConfig extends SharedConfig {

    /** {@code latchkey.gateway.*}: the gateway's own settings. */
    GatewayConfig gateway();

    /** {@code latchkey.rate-limit.*}. */
    RateLimitConfig rateLimit();

    /** {@code latchkey.token.*}: what every access token must carry, and how long a revocation is kept. */
    AccessTokenSettings token();
}
