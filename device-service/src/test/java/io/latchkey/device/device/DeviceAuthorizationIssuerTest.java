package io.latchkey.device.device;

import io.latchkey.device.metrics.DeviceMetrics;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.latchkey.common.OAuthParams;
import io.latchkey.common.error.OAuthError;
import io.latchkey.common.error.OAuthException;
import io.latchkey.common.contract.ClientInfo;
import io.latchkey.device.config.DeviceConfig;
import io.latchkey.device.store.DeviceAuthorizationStore;
import io.smallrye.mutiny.Uni;

/** The issuer's own logic, with a store that refuses the first user codes (Redis is covered elsewhere). */
class DeviceAuthorizationIssuerTest {

    private static final UserCodeHasher HASHER = new UserCodeHasher(java.util.Optional.of("test-secret"));

    private static final ClientInfo CLI = new ClientInfo("cli", "CLI", "public", List.of(),
            List.of(OAuthParams.GRANT_DEVICE_CODE), List.of("db:read"), null, null, false);

    @Test
    void aUserCodeCollisionIsRetriedWithAFreshCode() {
        CollidingStore store = new CollidingStore(2);
        DeviceAuthorizationIssuer issuer = new DeviceAuthorizationIssuer(store, new DeviceCodes(), new UserCodeGenerator(), HASHER, config(),
                METRICS);

        IssuedCodes codes = issuer.issue(CLI, null, "127.0.0.1", "ua").await().atMost(Duration.ofSeconds(1));

        assertEquals(3, store.userCodeHashes.size());
        assertEquals(3, new HashSet<>(store.userCodeHashes).size(), "every attempt draws a new user code");
        assertEquals(DeviceCodes.locator(HASHER.hash(codes.userCode())), store.userCodeHashes.get(2));
        assertEquals(DeviceCodes.locator(HASHER.hash(codes.userCode())), codes.deviceCode().substring(0, DeviceCodes.LOCATOR_LENGTH),
                "the device code starts with its record's locator");
        assertEquals(List.of(true, false, false), store.reserved, "only the first attempt counts against the client's cap");
    }

    @Test
    void endlessCollisionsEndInTemporarilyUnavailable() {
        DeviceAuthorizationIssuer issuer = new DeviceAuthorizationIssuer(new CollidingStore(1000), new DeviceCodes(),
                new UserCodeGenerator(), HASHER, config(), METRICS);
        OAuthException e = assertThrows(OAuthException.class,
                () -> issuer.issue(CLI, null, null, null).await().atMost(Duration.ofSeconds(1)));
        assertEquals(OAuthError.TEMPORARILY_UNAVAILABLE, e.error());
    }

    static final DeviceMetrics METRICS = new DeviceMetrics(new io.micrometer.core.instrument.simple.SimpleMeterRegistry());

    private static DeviceConfig config() {
        return new DeviceConfig() {
            public java.util.Optional<String> userCodeKey() {
                return java.util.Optional.of("test-secret");
            }

            public int expiresIn() {
                return 600;
            }

            public int interval() {
                return 5;
            }

            public int expiredGrace() {
                return 300;
            }

            public long pollToleranceMs() {
                return 1000;
            }

            public int maxOutstandingPerClient() {
                return 1000;
            }
        };
    }

    private static final class CollidingStore implements DeviceAuthorizationStore {
        private int collisionsLeft;
        final List<String> userCodeHashes = new ArrayList<>();
        final List<Boolean> reserved = new ArrayList<>();

        CollidingStore(int collisions) {
            this.collisionsLeft = collisions;
        }

        @Override
        public Uni<Boolean> create(CodeKeys keys, DeviceAuthorization a, long ttl, boolean reserve) {
            userCodeHashes.add(keys.locator());
            reserved.add(reserve);
            return Uni.createFrom().item(collisionsLeft-- <= 0);
        }

        @Override
        public Uni<PollOutcome> poll(CodeKeys h, String c, boolean a, long now, long t, long lease) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Uni<Void> consume(CodeKeys h) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Uni<Void> release(CodeKeys h) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Uni<DeviceAuthorization> findPendingByUserCode(String h, long now) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Uni<Decision> approve(String h, UserApproval a, long now) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Uni<Decision> deny(String h, long now) {
            throw new UnsupportedOperationException();
        }
    }
}
