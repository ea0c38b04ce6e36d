package io.latchkey.device.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.latchkey.common.error.OAuthError;
import io.latchkey.common.error.OAuthException;
import io.latchkey.device.config.DeviceConfig;
import io.latchkey.device.device.DeviceAuthorization;
import io.latchkey.device.device.Hashes;
import io.latchkey.device.device.Status;
import io.latchkey.device.support.FakeTokenService;
import io.latchkey.device.support.RandomKeyPrefix;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The per-client cap on outstanding device codes, enforced by the same script that stores the authorization. */
@QuarkusTest
@QuarkusTestResource(RandomKeyPrefix.class)
@QuarkusTestResource(FakeTokenService.class)
class OutstandingCodesCapTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    @Inject
    ReactiveRedisDataSource reactive;

    @Inject
    RedisDataSource redis;

    @Inject
    DeviceConfig defaults;

    @ConfigProperty(name = "latchkey.redis.key-prefix")
    String prefix;

    private RedisDeviceAuthorizationStore storeWithCap(int cap) {
        DeviceConfig config = new DeviceConfig() {
            public int expiresIn() { return defaults.expiresIn(); }
            public int interval() { return defaults.interval(); }
            public int expiredGrace() { return defaults.expiredGrace(); }
            public long pollToleranceMs() { return defaults.pollToleranceMs(); }
            public int maxOutstandingPerClient() { return cap; }
            public Duration clientCacheTtl() { return defaults.clientCacheTtl(); }
            public java.util.Optional<String> userCodeKey() { return defaults.userCodeKey(); }
        };
        return new RedisDeviceAuthorizationStore(reactive, new com.fasterxml.jackson.databind.ObjectMapper(), prefix, config);
    }

    private static DeviceAuthorization pending(String clientId) {
        long now = System.currentTimeMillis();
        return new DeviceAuthorization(clientId, "db:read", Status.PENDING, now, now + 60_000, 5, "127.0.0.1", null, false);
    }

    private static String unique() {
        return UUID.randomUUID().toString();
    }

    @Test
    void aClientAtItsCapGets429WithTheTimeUntilItsOldestCodeExpiresAndNothingIsStored() {
        RedisDeviceAuthorizationStore store = storeWithCap(3);
        String client = "capped-" + unique();
        for (int i = 0; i < 3; i++) {
            assertTrue(store.create(unique(), unique(), pending(client), 60_000).await().atMost(WAIT));
        }
        String refusedCode = unique();
        OAuthException e = assertThrows(OAuthException.class,
                () -> store.create(refusedCode, unique(), pending(client), 60_000).await().atMost(WAIT));
        assertEquals(OAuthError.TOO_MANY_REQUESTS, e.error());
        assertEquals(429, e.error().status());
        assertTrue(e.retryAfterSeconds() >= 59 && e.retryAfterSeconds() <= 60, "retry after " + e.retryAfterSeconds());
        assertFalse(redis.key().exists(store.recordKey(refusedCode)), "a refused authorization is not stored");
        assertEquals(3, redis.sortedSet(String.class).zcard(prefix + "device:client:" + Hashes.sha256(client)));

        // another client is not affected
        assertTrue(store.create(unique(), unique(), pending("other-" + unique()), 60_000).await().atMost(WAIT));
    }

    @Test
    void expiredCodesNoLongerCountAgainstTheCap() throws InterruptedException {
        RedisDeviceAuthorizationStore store = storeWithCap(2);
        String client = "expiring-" + unique();
        assertTrue(store.create(unique(), unique(), pending(client), 300).await().atMost(WAIT));
        assertTrue(store.create(unique(), unique(), pending(client), 300).await().atMost(WAIT));
        assertThrows(OAuthException.class,
                () -> store.create(unique(), unique(), pending(client), 300).await().atMost(WAIT));
        Thread.sleep(400);
        assertTrue(store.create(unique(), unique(), pending(client), 300).await().atMost(WAIT));
    }

    @Test
    void theIndexOfOutstandingCodesExpiresWithTheCodes() {
        RedisDeviceAuthorizationStore store = storeWithCap(5);
        String client = "ttl-" + unique();
        store.create(unique(), unique(), pending(client), 60_000).await().atMost(WAIT);
        long ttl = redis.key().pttl(prefix + "device:client:" + Hashes.sha256(client));
        assertTrue(ttl > 0 && ttl <= 60_000, "ttl " + ttl);
    }
}
