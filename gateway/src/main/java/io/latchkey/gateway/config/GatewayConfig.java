package io.latchkey.gateway.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.latchkey.common.config.IdentitySettings;
import io.smallrye.config.WithDefault;

/**
 * {@code latchkey.gateway.*} (a group of GatewayServiceConfig): the gateway's own settings; its identity secret,
 * sent to the services in X-Latchkey-Identity on every forwarded request, is the one they check
 * ({@link IdentitySettings}).
 */
public interface GatewayConfig extends IdentitySettings {

    /** Keep-alive HTTP/1.1 connections per upstream service. */
    @WithDefault("64")
    int poolSize();

    /** Requests waiting for a pooled connection per upstream before the gateway answers 503 (-1: unbounded). */
    @WithDefault("1024")
    int maxWaitQueue();

    /** Time to open a connection to an upstream service; past it the client gets 503 temporarily_unavailable. */
    @WithDefault("2s")
    Duration connectTimeout();

    /** Longest silence from an upstream on one request before the gateway gives up with 503. */
    @WithDefault("30s")
    Duration upstreamTimeout();

    /** Peers (IPs or CIDRs) whose X-Forwarded-* / Forwarded / client-certificate headers are believed. */
    Optional<List<String>> trustedProxies();

    /** Largest form body accepted on POST /oauth/token (it is read to route by grant_type). */
    @WithDefault("16384")
    int maxTokenBody();

    /**
     * Largest request body on the other forwarded routes (the services refuse more than 32K too). Bodies are read
     * whole before an upstream connection is taken, so a slow or partial body holds no upstream connection.
     */
    @WithDefault("32768")
    int maxForwardedBody();

    /** Clock skew allowed on an access token's {@code exp} and {@code nbf}. */
    @WithDefault("PT10S")
    Duration clockLeeway();

    /** How often the JWKS is fetched again even when every kid is known (picks up new keys ahead of use). */
    @WithDefault("PT5M")
    Duration jwksRefreshInterval();

    /**
     * How often a live gateway merges token-service's durable revocation list again (it also does on start and on
     * every Redis reconnect); bounds how long a revocation whose Redis publish failed can be missed.
     */
    @WithDefault("PT30S")
    Duration revocationsReloadInterval();

    /** Shortest time between two JWKS fetches for unknown kids (made-up kids must not flood token-service). */
    @WithDefault("PT5S")
    Duration jwksMinRefetchInterval();

    /** How often the gateway fetches the services' OpenAPI documents again and re-merges /openapi and /openapi/admin. */
    @WithDefault("PT5M")
    Duration openapiRefreshInterval();
}
