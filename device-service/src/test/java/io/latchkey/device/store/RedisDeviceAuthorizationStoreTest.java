package io.latchkey.device.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.latchkey.common.contract.SessionInfo;
import io.latchkey.device.device.CodeKeys;
import io.latchkey.device.device.DeviceCodes;
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
        assertTrue(store.create(keys(userCodeHash), pending(), 60_000, true).await().atMost(WAIT));
        assertFalse(store.create(keys(userCodeHash), pending(), 60_000, true).await().atMost(WAIT));
    }

    @Test
    void consumingAnApprovedAuthorizationDeletesItsOneKey() {
        String userHash = unique();
        CodeKeys codes = keys(userHash);
        store.create(codes, pending(), 60_000, true).await().atMost(WAIT);
        long now = System.currentTimeMillis();
        assertEquals(Decision.DONE, store.approve(userHash, new UserApproval("s", "g", ""), now).await().atMost(WAIT));

        PollOutcome outcome = store.poll(codes, "cli", false, now, 1000, 10_000).await().atMost(WAIT);
        assertEquals(PollOutcome.Kind.APPROVED, outcome.kind());
        assertEquals("db:read", outcome.scope());
        // claimed: the user code no longer finds a pending authorization, and cannot be decided again
        assertNull(store.findPendingByUserCode(userHash, now).await().atMost(WAIT));
        assertEquals(Decision.CONFLICT, store.deny(userHash, now).await().atMost(WAIT));

        store.consume(codes).await().atMost(WAIT);
        assertFalse(redis.key().exists(store.recordKey(codes.locator())));
    }

    @Test
    void aDeviceCodeWithTheRightLocatorButAnotherSecretOpensNothing() {
        String userHash = unique();
        CodeKeys codes = keys(userHash);
        store.create(codes, pending(), 60_000, true).await().atMost(WAIT);
        long now = System.currentTimeMillis();
        store.approve(userHash, new UserApproval("s", "g", ""), now).await().atMost(WAIT);

        // the locator is the first characters of the user code's HMAC; the 256 secret bits are what the record checks
        CodeKeys forged = keys(userHash);
        assertEquals(codes.locator(), forged.locator());
        assertEquals(PollOutcome.Kind.INVALID_GRANT, store.poll(forged, "cli", false, now, 1000, 10_000).await().atMost(WAIT).kind());
        store.consume(forged).await().atMost(WAIT);
        store.release(forged).await().atMost(WAIT);
        assertTrue(redis.key().exists(store.recordKey(codes.locator())), "another code cannot delete the record");
        assertEquals(PollOutcome.Kind.APPROVED, store.poll(codes, "cli", false, now, 1000, 10_000).await().atMost(WAIT).kind());
    }

    @Test
    void theApprovedPollCarriesTheDeviceSessionForTheMint() {
        String userHash = unique();
        CodeKeys codes = keys(userHash);
        long now = System.currentTimeMillis();
        store.create(codes, new DeviceAuthorization("cli", "db:read", Status.PENDING, now, now + 60_000, 5,
                "2001:db8::7334", "latchkey-cli/0.1.0 (Linux; laptop-7)", false), 60_000, true).await().atMost(WAIT);
        store.approve(userHash, new UserApproval("s", "g", ""), now).await().atMost(WAIT);

        PollOutcome outcome = store.poll(codes, "cli", false, now, 1000, 10_000).await().atMost(WAIT);
        assertEquals(new SessionInfo("latchkey-cli/0.1.0 (Linux; laptop-7)", "2001:db8::7334", null), outcome.session());
    }

    @Test
    void theStoredAuthorizationReadsBackAsItWasCreated() {
        String userHash = unique();
        long now = System.currentTimeMillis();
        DeviceAuthorization created = new DeviceAuthorization("conf:dev", "openid db:read", Status.PENDING, now,
                now + 600_000, 7, "203.0.113.9", "curl/7.88.1", true);
        store.create(keys(userHash), created, 900_000, true).await().atMost(WAIT);
        assertEquals(created, store.findPendingByUserCode(userHash, now).await().atMost(WAIT));
    }

    @Test
    void aClaimedApprovalIsPendingForOthersAndComesBackWhenReleased() {
        String userHash = unique();
        CodeKeys codes = keys(userHash);
        store.create(codes, pending(), 60_000, true).await().atMost(WAIT);
        long now = System.currentTimeMillis();
        store.approve(userHash, new UserApproval("s", "g", ""), now).await().atMost(WAIT);

        assertEquals(PollOutcome.Kind.APPROVED, store.poll(codes, "cli", false, now, 1000, 10_000).await().atMost(WAIT).kind());
        // RFC 8628 §3.5: while one poll mints, the others are told to keep waiting
        assertEquals(PollOutcome.Kind.PENDING, store.poll(codes, "cli", false, now, 1000, 10_000).await().atMost(WAIT).kind());

        store.release(codes).await().atMost(WAIT);
        assertEquals(PollOutcome.Kind.APPROVED, store.poll(codes, "cli", false, now, 1000, 10_000).await().atMost(WAIT).kind());
    }

    @Test
    void aClaimWhoseMinterVanishedCanBeTakenOverAfterTheLease() {
        String userHash = unique();
        CodeKeys codes = keys(userHash);
        store.create(codes, pending(), 60_000, true).await().atMost(WAIT);
        long now = System.currentTimeMillis();
        store.approve(userHash, new UserApproval("s", "g", ""), now).await().atMost(WAIT);

        store.poll(codes, "cli", false, now, 1000, 5_000).await().atMost(WAIT);
        assertEquals(PollOutcome.Kind.APPROVED,
                store.poll(codes, "cli", false, now + 5_001, 1000, 5_000).await().atMost(WAIT).kind());
    }

    @Test
    void theRecordCarriesTheTtl() {
        CodeKeys codes = keys(unique());
        store.create(codes, pending(), 120_000, true).await().atMost(WAIT);
        long recordTtl = redis.key().pttl(store.recordKey(codes.locator()));
        assertTrue(recordTtl > 110_000 && recordTtl <= 120_000, "record ttl " + recordTtl);
    }

    @Test
    void aLookupOfAnUnknownUserCodeIsEmpty() {
        assertNull(store.findPendingByUserCode(unique(), System.currentTimeMillis()).await().atMost(WAIT));
    }

    /** A fresh device code for the user code with this HMAC, as the issuer makes it. */
    static CodeKeys keys(String userCodeHash) {
        return DeviceCodes.keysOf(new DeviceCodes().generate(userCodeHash));
    }

    private static DeviceAuthorization pending() {
        long now = System.currentTimeMillis();
        return new DeviceAuthorization("cli", "db:read", Status.PENDING, now, now + 60_000, 5, "127.0.0.1", null, false);
    }

    private static String unique() {
        return UUID.randomUUID().toString();
    }
}
