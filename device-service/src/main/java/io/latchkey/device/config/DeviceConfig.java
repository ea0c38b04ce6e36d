package io.latchkey.device.config;

import java.util.Optional;

import io.smallrye.config.WithDefault;

/** The {@code latchkey.device.*} settings of the device authorization grant (a group of DeviceServiceConfig). */
public interface DeviceConfig {

    /**
     * Key of the HMAC that names user codes in Redis (env LATCHKEY_USER_CODE_KEY), read by {@code UserCodeHasher};
     * its own secret, not derived from the internal or the identity secret.
     */
    Optional<String> userCodeKey();

    /** Lifetime of a device code and its user code, in seconds (RFC 8628 §3.2 {@code expires_in}). */
    @WithDefault("600")
    int expiresIn();

    /** Minimum seconds between polls announced to the device (RFC 8628 §3.2 {@code interval}). */
    @WithDefault("5")
    int interval();

    /** Seconds a record outlives {@code expires_in} so that a late poll gets {@code expired_token}. */
    @WithDefault("300")
    int expiredGrace();

    /** Milliseconds a poll may arrive early before it counts as too fast. */
    @WithDefault("1000")
    long pollToleranceMs();

    /**
     * Device codes one client may have outstanding (issued and not yet expired, whatever their state): past it a new
     * device authorization gets 429 too_many_requests, so one client cannot fill Redis (at most 300 B per code).
     */
    @WithDefault("1000")
    int maxOutstandingPerClient();
}
