package io.latchkey.device.device;

import jakarta.enterprise.context.ApplicationScoped;

import io.latchkey.common.OAuthParams;
import io.latchkey.common.error.OAuthError;
import io.latchkey.common.error.OAuthException;
import io.latchkey.device.client.RemoteClientAuthenticator;
import io.latchkey.device.client.CallerCredentials;
import io.latchkey.device.client.TokenServiceMinter;
import io.latchkey.device.client.UserStatuses;
import io.latchkey.device.config.DeviceConfig;
import io.latchkey.device.metrics.DeviceMetrics;
import io.latchkey.device.store.DeviceAuthorizationStore;
import io.smallrye.mutiny.Uni;

/**
 * The device_code grant (RFC 8628 §3.4–3.5). A pending poll costs one Redis round trip and, for public clients,
 * nothing else: the stored client_id is the binding. Only an approved poll calls token-service to mint.
 */
@ApplicationScoped
public class DeviceTokenGrant {

    private final DeviceAuthorizationStore store;
    private final RemoteClientAuthenticator authenticator;
    private final TokenServiceMinter minter;
    private final UserStatuses users;
    private final DeviceMetrics metrics;
    private final long toleranceMillis;
    /** How long an approved authorization stays claimed by the poll that is minting its tokens. */
    static final long MINT_LEASE_MILLIS = 15_000;

    public DeviceTokenGrant(DeviceAuthorizationStore store, RemoteClientAuthenticator authenticator, TokenServiceMinter minter,
            UserStatuses users, DeviceConfig config, DeviceMetrics metrics) {
        this.users = users;
        this.metrics = metrics;
        this.store = store;
        this.authenticator = authenticator;
        this.minter = minter;
        this.toleranceMillis = config.pollToleranceMs();
    }

    /** The token response JSON, or a failure carrying the RFC 8628 §3.5 error. */
    public Uni<String> redeem(String deviceCode, CallerCredentials credentials) {
        CodeKeys keys = DeviceCodes.keysOf(deviceCode);
        if (!credentials.hasSecret()) {
            return poll(keys, credentials.clientId(), false);
        }
        return authenticator.authenticate(credentials)
                .chain(client -> poll(keys, client.clientId(), true));
    }

    private Uni<String> poll(CodeKeys keys, String clientId, boolean authenticated) {
        if (keys == null) {
            // RFC 6749 §5.2: not a device code this service issued (wrong length or alphabet): invalid_grant, no lookup
            metrics.polled(PollOutcome.Kind.INVALID_GRANT);
            return Uni.createFrom().failure(toError(PollOutcome.INVALID_GRANT));
        }
        return store.poll(keys, clientId, authenticated, System.currentTimeMillis(), toleranceMillis,
                        MINT_LEASE_MILLIS)
                .chain(outcome -> {
                    metrics.polled(outcome.kind());
                    return outcome.kind() == PollOutcome.Kind.APPROVED
                            ? mint(keys, clientId, outcome)
                            : Uni.createFrom().failure(toError(outcome));
                });
    }

    /**
     * RFC 8628 §3.5: exactly one poll gets the tokens. A mint that failed for a passing reason (an outage) keeps the
     * approval for the next poll; a final refusal (say, a revoked grant) ends it.
     */
    private Uni<String> mint(CodeKeys keys, String clientId, PollOutcome approved) {
        return users.isActive(approved.subject())
                .invoke(active -> {
                    // beyond RFC 8628: the user may have been disabled between approval and redemption
                    if (!active) {
                        throw OAuthError.ACCESS_DENIED.with("The user's account is no longer active.");
                    }
                })
                .chain(() -> minter.mint(clientId, approved))
                .call(() -> store.consume(keys))
                .onFailure().call(e -> (isRetryable(e) ? store.release(keys) : store.consume(keys))
                        .onFailure().recoverWithNull());
    }

    /** A backend outage or server error is worth retrying; an RFC client error is final. */
    static boolean isRetryable(Throwable t) {
        if (t instanceof OAuthException oe) {
            return oe.error().status() >= 500;
        }
        return true;
    }

    static OAuthException toError(PollOutcome outcome) {
        return switch (outcome.kind()) {
            // RFC 8628 §3.5: the user has not yet completed the authorization
            case PENDING -> OAuthError.AUTHORIZATION_PENDING.with("The user has not yet approved the request.");
            // RFC 8628 §3.5: slow_down; the interval grows by 5 s for this and all later requests
            case SLOW_DOWN -> OAuthError.SLOW_DOWN.with("Polling too fast; use the new interval.")
                    .withField(OAuthParams.INTERVAL, outcome.interval());
            // RFC 8628 §3.5: the user denied the authorization request
            case DENIED -> OAuthError.ACCESS_DENIED.with("The user denied the request.");
            // RFC 8628 §3.5: the device_code has expired
            case EXPIRED -> OAuthError.EXPIRED_TOKEN.with("The device code has expired.");
            // RFC 6749 §3.2.1: a confidential client must authenticate at the token endpoint
            case CLIENT_AUTH_REQUIRED -> OAuthError.INVALID_CLIENT.with("Client authentication is required.");
            // RFC 6749 §5.2: invalid, expired, revoked, or issued to another client
            default -> OAuthError.INVALID_GRANT.with(
                    "The device code is invalid, was issued to another client, or was already used.");
        };
    }
}
