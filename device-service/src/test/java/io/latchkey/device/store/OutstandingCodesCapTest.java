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
import io.latchkey.device.device.CodeKeys;
import io.latchkey.device.device.Status;
import io.latchkey.device.support.FakeTokenService;
import io.latchkey.device.support.RandomKeyPrefix;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The per-client cap on outstanding device codes: a per-client counter checked alongside the record's creation. */
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
        return storeWithCap(cap, "standalone");
    }

    /** {@code clientType} cluster: the two-script path a Redis Cluster takes (it runs on one Redis just the same). */
    private RedisDeviceAuthorizationStore storeWithCap(int cap, String clientType) {
        DeviceConfig config = new DeviceConfig() {
            public int expiresIn() { return defaults.expiresIn(); }
            public int interval() { return defaults.interval(); }
            public int expiredGrace() { return defaults.expiredGrace(); }
            public long pollToleranceMs() { return defaults.pollToleranceMs(); }
            public int maxOutstandingPerClient() { return cap; }
            public java.util.Optional<String> userCodeKey() { return defaults.userCodeKey(); }
        };
        return new RedisDeviceAuthorizationStore(reactive, new com.fasterxml.jackson.databind.ObjectMapper(), prefix, config,
                clientType);
    }

    private static DeviceAuthorization pending(String clientId) {
        long now = System.currentTimeMillis();
        return new DeviceAuthorization(clientId, "db:read", Status.PENDING, now, now + 60_000, 5, "127.0.0.1", null, false);
    }

    @Test
    void aRetryWithAFreshUserCodeIsNotCountedTwice() {
        RedisDeviceAuthorizationStore store = storeWithCap(1);
        String client = "retry-" + unique();
        String userCodeHash = unique();
        assertTrue(store.create(RedisDeviceAuthorizationStoreTest.keys(userCodeHash), pending("someone-" + unique()), 60_000, true)
                .await().atMost(WAIT));
        // the user code is taken: the issuer retries with reserve=false, so the client's one slot holds
        assertTrue(store.create(keys(), pending(client), 60_000, true).await().atMost(WAIT));
        assertFalse(store.create(RedisDeviceAuthorizationStoreTest.keys(userCodeHash), pending(client), 60_000, false)
                .await().atMost(WAIT));
        assertEquals(1L, redis.hash(Long.class).hgetall(store.clientKey(client)).values().stream().mapToLong(Long::longValue).sum());
    }

    private static CodeKeys keys() {
        return RedisDeviceAuthorizationStoreTest.keys(unique());
    }

    private static String unique() {
        return UUID.randomUUID().toString();
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"standalone", "cluster"})
    void aClientAtItsCapGets429WithTheTimeUntilItsOldestCodeExpiresAndNothingIsStored(String clientType) {
        RedisDeviceAuthorizationStore store = storeWithCap(3, clientType);
        String client = "capped-" + unique();
        for (int i = 0; i < 3; i++) {
            assertTrue(store.create(keys(), pending(client), 60_000, true).await().atMost(WAIT));
        }
        CodeKeys refusedCode = keys();
        OAuthException e = assertThrows(OAuthException.class,
                () -> store.create(refusedCode, pending(client), 60_000, true).await().atMost(WAIT));
        assertEquals(OAuthError.TOO_MANY_REQUESTS, e.error());
        assertEquals(429, e.error().status());
        // the counter's buckets are 1/60 of the lifetime: the answer may be one bucket (here 1 s) late, never early
        assertTrue(e.retryAfterSeconds() >= 59 && e.retryAfterSeconds() <= 61, "retry after " + e.retryAfterSeconds());
        assertFalse(redis.key().exists(store.recordKey(refusedCode.locator())), "a refused authorization is not stored");
        long counted = redis.hash(Long.class).hgetall(store.clientKey(client)).values().stream().mapToLong(Long::longValue).sum();
        assertEquals(3, counted, "the refused code was not counted");

        // another client is not affected
        assertTrue(store.create(keys(), pending("other-" + unique()), 60_000, true).await().atMost(WAIT));
    }

    @Test
    void expiredCodesNoLongerCountAgainstTheCap() throws InterruptedException {
        RedisDeviceAuthorizationStore store = storeWithCap(2);
        String client = "expiring-" + unique();
        assertTrue(store.create(keys(), pending(client), 300, true).await().atMost(WAIT));
        assertTrue(store.create(keys(), pending(client), 300, true).await().atMost(WAIT));
        assertThrows(OAuthException.class,
                () -> store.create(keys(), pending(client), 300, true).await().atMost(WAIT));
        Thread.sleep(400);
        assertTrue(store.create(keys(), pending(client), 300, true).await().atMost(WAIT));
    }

    @Test
    void theIndexOfOutstandingCodesExpiresWithTheCodes() {
        RedisDeviceAuthorizationStore store = storeWithCap(5);
        String client = "ttl-" + unique();
        store.create(keys(), pending(client), 60_000, true).await().atMost(WAIT);
        long ttl = redis.key().pttl(store.clientKey(client));
        assertTrue(ttl > 0 && ttl <= 60_000, "ttl " + ttl);
    }
}
