package io.latchkey.device.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.latchkey.device.config.DeviceConfig;
import io.latchkey.device.device.CodeKeys;
import io.latchkey.device.device.DeviceAuthorization;
import io.latchkey.device.device.DeviceCodes;
import io.latchkey.device.device.PollOutcome;
import io.latchkey.device.device.Status;
import io.latchkey.device.device.UserCodeGenerator;
import io.latchkey.device.device.UserCodeHasher;
import io.latchkey.device.store.RedisDeviceAuthorizationStore;
import io.latchkey.device.support.FakeTokenService;
import io.latchkey.device.support.RandomKeyPrefix;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue 17: a pending device code costs at most 300 bytes of Redis memory (MEMORY USAGE), every key it creates
 * counted: its one record, and its share of the client's counter. Realistic inputs: a 120-character browser
 * User-Agent, an IPv6 address, five scopes, under the production key prefix {@code lk:} (the key's length counts).
 */
@QuarkusTest
@QuarkusTestResource(RandomKeyPrefix.class)
@QuarkusTestResource(FakeTokenService.class)
class RecordFootprintTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final int CODES = 100;
    private static final int BUDGET = 300;
    static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0 OP/1";

    @Inject
    ReactiveRedisDataSource reactive;

    @Inject
    RedisDataSource redis;

    @Inject
    DeviceConfig config;

    @Inject
    UserCodeHasher hasher;

    @Test
    void aPendingDeviceCodeTakesAtMost300BytesOfRedisBeforeAndAfterItIsPolled() {
        assertEquals(120, BROWSER.length());
        RedisDeviceAuthorizationStore store = new RedisDeviceAuthorizationStore(reactive, new ObjectMapper(), "lk:", config);
        // a client_id as long as latchkey-cli's, unique to this run
        String client = "fp-" + UUID.randomUUID().toString().substring(0, 9);
        List<CodeKeys> created = new ArrayList<>();
        UserCodeGenerator userCodes = new UserCodeGenerator();
        DeviceCodes deviceCodes = new DeviceCodes();
        long largestNew = 0;
        long largestPolled = 0;
        long ttl = (config.expiresIn() + (long) config.expiredGrace()) * 1000L;
        try {
            for (int i = 0; i < CODES; i++) {
                long now = System.currentTimeMillis();
                DeviceAuthorization a = new DeviceAuthorization(client, "openid profile email db:read db:write",
                        Status.PENDING, now, now + config.expiresIn() * 1000L, config.interval(),
                        DeviceInfo.ip("2001:db8:85a3:1234:5678:8a2e:370:7334"), DeviceInfo.userAgent(BROWSER), false);
                CodeKeys keys = DeviceCodes.keysOf(deviceCodes.generate(hasher.hash(userCodes.generate())));
                assertTrue(store.create(keys, a, ttl, true).await().atMost(WAIT));
                created.add(keys);
            }
            long counterShare = usage(store.clientKey(client)) / CODES;
            for (CodeKeys keys : created) {
                long perCode = usage(store.recordKey(keys.locator())) + counterShare;
                assertTrue(perCode <= BUDGET, "a new pending code takes " + perCode + " B");
                largestNew = Math.max(largestNew, perCode);
            }
            // a pending poll records when the next one is due (one more field)
            for (CodeKeys keys : created) {
                PollOutcome polled = store.poll(keys, client, false, System.currentTimeMillis(),
                        config.pollToleranceMs(), 10_000).await().atMost(WAIT);
                assertEquals(PollOutcome.Kind.PENDING, polled.kind());
                long perCode = usage(store.recordKey(keys.locator())) + counterShare;
                assertTrue(perCode <= BUDGET, "a polled pending code takes " + perCode + " B");
                largestPolled = Math.max(largestPolled, perCode);
            }
            System.out.printf("RecordFootprintTest: largest new pending code %d B, after a poll %d B (counter share %d B)%n",
                    largestNew, largestPolled, counterShare);
            assertEquals("listpack", redis.execute("OBJECT", "ENCODING", store.recordKey(created.get(0).locator())).toString());
        } finally {
            for (CodeKeys keys : created) {
                redis.key().del(store.recordKey(keys.locator()));
            }
            redis.key().del(store.clientKey(client));
        }
    }

    private long usage(String key) {
        return redis.execute("MEMORY", "USAGE", key, "SAMPLES", "0").toLong();
    }
}
