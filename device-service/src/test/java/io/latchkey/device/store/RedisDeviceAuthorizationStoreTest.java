package io.latchkey.device.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.latchkey.device.device.UserApproval;
import io.latchkey.device.device.Decision;
import io.latchkey.device.device.DeviceAuthorization;
import io.latchkey.device.device.PollOutcome;
import io.latchkey.device.device.Status;
import io.latchkey.device.support.FakeTokenService;
import io.latchkey.device.support.RandomKeyPrefix;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(RandomKeyPrefix.class)
@QuarkusTestResource(FakeTokenService.class)
class RedisDeviceAuthorizationStoreTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    @Inject
    RedisDeviceAuthorizationStore store;

    @Inject
    RedisDataSource redis;

    @Test
    void aUserCodeAlreadyInUseIsRefusedSoTheIssuerDrawsAnother() {
        String userCodeHash = unique();
        assertTrue(store.create(unique(), userCodeHash, pending(), 60_000).await().atMost(WAIT));
        assertFalse(store.create(unique(), userCodeHash, pending(), 60_000).await().atMost(WAIT));
    }

    @Test
    void consumingAnApprovedAuthorizationDeletesTheRecordAndTheUserCodeIndex() {
        String deviceHash = unique();
        String userHash = unique();
        store.create(deviceHash, userHash, pending(), 60_000).await().atMost(WAIT);
        long now = System.currentTimeMillis();
        assertEquals(Decision.DONE, store.approve(userHash, new UserApproval("s", "g", ""), now).await().atMost(WAIT));

        PollOutcome outcome = store.poll(deviceHash, "cli", false, now, 1000, 10_000).await().atMost(WAIT);
        assertEquals(PollOutcome.Kind.APPROVED, outcome.kind());
        assertEquals("db:read", outcome.scope());
        assertFalse(redis.key().exists(store.userCodeKey(userHash)));

        store.consume(deviceHash).await().atMost(WAIT);
        assertEquals(0, redis.key().exists(store.recordKey(deviceHash), store.userCodeKey(userHash)));
    }

    @Test
    void aClaimedApprovalIsPendingForOthersAndComesBackWhenReleased() {
        String deviceHash = unique();
        String userHash = unique();
        store.create(deviceHash, userHash, pending(), 60_000).await().atMost(WAIT);
        long now = System.currentTimeMillis();
        store.approve(userHash, new UserApproval("s", "g", ""), now).await().atMost(WAIT);

        assertEquals(PollOutcome.Kind.APPROVED, store.poll(deviceHash, "cli", false, now, 1000, 10_000).await().atMost(WAIT).kind());
        // RFC 8628 §3.5: while one poll mints, the others are told to keep waiting
        assertEquals(PollOutcome.Kind.PENDING, store.poll(deviceHash, "cli", false, now, 1000, 10_000).await().atMost(WAIT).kind());

        store.release(deviceHash).await().atMost(WAIT);
        assertEquals(PollOutcome.Kind.APPROVED, store.poll(deviceHash, "cli", false, now, 1000, 10_000).await().atMost(WAIT).kind());
    }

    @Test
    void aClaimWhoseMinterVanishedCanBeTakenOverAfterTheLease() {
        String deviceHash = unique();
        String userHash = unique();
        store.create(deviceHash, userHash, pending(), 60_000).await().atMost(WAIT);
        long now = System.currentTimeMillis();
        store.approve(userHash, new UserApproval("s", "g", ""), now).await().atMost(WAIT);

        store.poll(deviceHash, "cli", false, now, 1000, 5_000).await().atMost(WAIT);
        assertEquals(PollOutcome.Kind.APPROVED,
                store.poll(deviceHash, "cli", false, now + 5_001, 1000, 5_000).await().atMost(WAIT).kind());
    }

    @Test
    void bothKeysCarryTheSameTtl() {
        String deviceHash = unique();
        String userHash = unique();
        store.create(deviceHash, userHash, pending(), 120_000).await().atMost(WAIT);
        long recordTtl = redis.key().pttl(store.recordKey(deviceHash));
        long indexTtl = redis.key().pttl(store.userCodeKey(userHash));
        assertTrue(recordTtl > 110_000 && recordTtl <= 120_000, "record ttl " + recordTtl);
        assertTrue(Math.abs(recordTtl - indexTtl) < 1000, "index ttl " + indexTtl);
    }

    @Test
    void aLookupOfAnUnknownUserCodeIsEmpty() {
        assertNull(store.findPendingByUserCode(unique(), System.currentTimeMillis()).await().atMost(WAIT));
    }

    private static DeviceAuthorization pending() {
        long now = System.currentTimeMillis();
        return new DeviceAuthorization("cli", "db:read", Status.PENDING, now, now + 60_000, 5, "127.0.0.1", null, false);
    }

    private static String unique() {
        return UUID.randomUUID().toString();
    }
}
