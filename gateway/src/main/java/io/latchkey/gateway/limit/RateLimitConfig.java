package io.latchkey.gateway.limit;

import java.time.Duration;
import java.util.Map;

import io.smallrye.config.WithDefault;

/**
 * {@code latchkey.rate-limit.*} (a group of GatewayServiceConfig): one rate per {@link Limit}
 * ({@code requests/period}, see {@link Rate}), optional
 * per-client overrides, and how the limiter behaves when Redis cannot answer.
 */
public interface RateLimitConfig {

    /** false: no limit is checked (and Redis is never asked). */
    @WithDefault("true")
    boolean enabled();

    /** POST /oauth/device_authorization per client_id. */
    @WithDefault("60/1m")
    String deviceAuthorizationPerClient();

    /** POST /oauth/device_authorization per client IP. */
    @WithDefault("30/1m")
    String deviceAuthorizationPerIp();

    /** POST /oauth/token per client_id (device_code polls excluded: RFC 8628 slow_down paces them). */
    @WithDefault("300/1m")
    String tokenPerClient();

    /** POST /oauth/token per client IP (device_code polls excluded). */
    @WithDefault("120/1m")
    String tokenPerIp();

    /** /oauth/authorize per client IP. */
    @WithDefault("60/1m")
    String authorizePerIp();

    /** POST /login per client IP (consent-service adds its own per-account and per-IP failure back-off). */
    @WithDefault("30/1m")
    String signInPerIp();

    /** POST /oauth/revoke per client_id. */
    @WithDefault("120/1m")
    String revocationPerClient();

    /** POST /oauth/introspect per client_id. */
    @WithDefault("600/1m")
    String introspectionPerClient();

    /**
     * Per-client overrides of the per-client limits: {@code latchkey.rate-limit.clients."<client_id>".<limit>=rate},
     * e.g. {@code latchkey.rate-limit.clients."resource-server".introspection-per-client=6000/1m}.
     */
    Map<String, Map<String, String>> clients();

    /** Longest wait for Redis on one check; past it the request is let through and the circuit opens. */
    @WithDefault("PT0.5S")
    Duration redisTimeout();

    /** After a Redis failure, checks are skipped (requests let through) for this long before Redis is tried again. */
    @WithDefault("PT5S")
    Duration circuitOpenFor();
}
