package io.latchkey.gateway.config;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.latchkey.common.config.ServicesConfig;
import io.latchkey.gateway.limit.RateLimitConfig;

/** The groups of {@link GatewayServiceConfig} that classes inject on their own. */
public class GatewayConfigGroups {

    @Produces
    @Singleton
    GatewayConfig gateway(GatewayServiceConfig config) {
        return config.gateway();
    }

    @Produces
    @Singleton
    ServicesConfig services(GatewayServiceConfig config) {
        return config.services();
    }

    @Produces
    @Singleton
    RateLimitConfig rateLimit(GatewayServiceConfig config) {
        return config.rateLimit();
    }
}
