package io.latchkey.gateway.bearer;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** What the gateway checks in an access token, and how it keeps keys and revocations current. */
@ConfigMapping(prefix = "latchkey")
public interface BearerConfig {

    /** The public base URL: the {@code iss} every access token must carry. */
    @WithDefault("http://localhost:8080")
    String issuer();

    /** The {@code aud} every access token must carry. */
    @WithName("token.audience")
    @WithDefault("https://api.latchkey.dev")
    String audience();

    /** Longest access-token lifetime: a pushed revocation is kept this long plus a minute. */
    @WithName("token.access-ttl")
    @WithDefault("PT10M")
    Duration accessTtl();

    /** The shared secret the gateway adds so a service can trust the identity headers. */
    @WithName("internal.secret")
    String internalSecret();

    /** Prefix of every Redis key and channel. */
    @WithName("redis.key-prefix")
    @WithDefault("lk:")
    String redisKeyPrefix();

    /** Clock skew allowed on {@code exp} and {@code nbf}. */
    @WithName("gateway.clock-leeway")
    @WithDefault("PT10S")
    Duration clockLeeway();

    /** How often the JWKS is fetched again even when every kid is known (picks up rotations ahead of use). */
    @WithName("gateway.jwks-refresh-interval")
    @WithDefault("PT5M")
    Duration jwksRefreshInterval();

    /** Shortest time between two fetches triggered by unknown kids (an unknown kid must not flood token-service). */
    @WithName("gateway.jwks-min-refetch-interval")
    @WithDefault("PT5S")
    Duration jwksMinRefetchInterval();
}
