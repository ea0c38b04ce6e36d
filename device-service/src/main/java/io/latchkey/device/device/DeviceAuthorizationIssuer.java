package io.latchkey.device.device;

import jakarta.enterprise.context.ApplicationScoped;

import io.latchkey.common.OAuthParams;
import io.latchkey.common.error.OAuthError;
import io.latchkey.common.contract.ClientInfo;
import io.latchkey.device.config.DeviceConfig;
import io.latchkey.device.metrics.DeviceMetrics;
import io.latchkey.device.store.DeviceAuthorizationStore;
import io.smallrye.mutiny.Uni;

/** Starts a device authorization for an authenticated client (RFC 8628 §3.1–3.2). */
@ApplicationScoped
public class DeviceAuthorizationIssuer {

    private static final int USER_CODE_ATTEMPTS = 5;

    private final DeviceAuthorizationStore store;
    private final UserCodeHasher userCodeHasher;
    private final DeviceCodes deviceCodes;
    private final UserCodeGenerator userCodes;
    private final DeviceConfig config;

    /** Counts each issued authorization (README, "Metrics"). */
    private final DeviceMetrics metrics;

    public DeviceAuthorizationIssuer(DeviceAuthorizationStore store, DeviceCodes deviceCodes, UserCodeGenerator userCodes,
            UserCodeHasher userCodeHasher, DeviceConfig config, DeviceMetrics metrics) {
        this.store = store;
        this.metrics = metrics;
        this.userCodeHasher = userCodeHasher;
        this.deviceCodes = deviceCodes;
        this.userCodes = userCodes;
        this.config = config;
    }

    public Uni<IssuedCodes> issue(ClientInfo client, String requestedScope, String deviceIp, String userAgent) {
        if (!client.allowsGrant(OAuthParams.GRANT_DEVICE_CODE)) {
            // RFC 6749 §5.2: the client is not authorized to use this grant type
            throw OAuthError.UNAUTHORIZED_CLIENT.with("The client is not registered for the device_code grant.");
        }
        String scope = io.latchkey.common.Scopes.resolve(requestedScope, client.scopesOrEmpty());
        long now = System.currentTimeMillis();
        DeviceAuthorization authorization = new DeviceAuthorization(client.clientId(), scope, Status.PENDING, now,
                now + config.expiresIn() * 1000L, config.interval(), deviceIp, userAgent, !client.isPublic());
        return store(authorization, 1);
    }

    /** User codes are short, so a collision with a live one is possible: draw a new one (the store refuses it). */
    private Uni<IssuedCodes> store(DeviceAuthorization authorization, int attempt) {
        // one CSPRNG call: the user code's random bytes, then the device code's secret
        byte[] drawn = deviceCodes.random(UserCodeGenerator.RANDOM_BYTES);
        String userCode = userCodes.generate(drawn);
        String userCodeHash = userCodeHasher.hash(userCode);
        // the device code starts with the record's locator: one Redis key serves both codes
        String deviceCode = deviceCodes.generate(userCodeHash, drawn);
        // RFC 8628 §3.2 + grace: the record outlives expires_in so a late poll gets expired_token
        long ttlMillis = (config.expiresIn() + (long) config.expiredGrace()) * 1000L;
        return store.create(DeviceCodes.keysOf(deviceCode), authorization, ttlMillis, attempt == 1)
                .chain(created -> {
                    if (created) {
                        metrics.authorized(authorization.clientId());
                        return Uni.createFrom().item(
                                new IssuedCodes(deviceCode, userCode, config.expiresIn(), config.interval()));
                    }
                    if (attempt >= USER_CODE_ATTEMPTS) {
                        return Uni.createFrom().failure(
                                OAuthError.TEMPORARILY_UNAVAILABLE.with("Could not allocate a user code; retry."));
                    }
                    return store(authorization, attempt + 1);
                });
    }
}
