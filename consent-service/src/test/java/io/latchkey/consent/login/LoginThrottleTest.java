package io.latchkey.consent.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.latchkey.consent.InternalServicesStub;
import io.latchkey.testsupport.FreshDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;

/** The back-off decision on the real Redis, with the defaults: 5 free failures per account, 20 per IP, 1 s doubling. */
@QuarkusTest
@QuarkusTestResource(FreshDatabase.class)
@QuarkusTestResource(InternalServicesStub.class)
class LoginThrottleTest {

    @Inject
    LoginThrottle throttle;

    private static String unique(String what) {
        return what + "-" + UUID.randomUUID();
    }

    private LoginThrottle.Admission admit(String user, String ip) {
        return throttle.admit(user, ip).await().atMost(Duration.ofSeconds(5));
    }

    @Test
    void anAccountGetsFiveFreeFailuresFromAnyIpsThenBacksOffExponentially() throws InterruptedException {
        String user = unique("victim") + "@latchkey.dev";
        for (int i = 0; i < 6; i++) {
            assertTrue(admit(user, unique("ip")).counted(), "attempt " + (i + 1));
        }
        // the 6th attempt set a 1 s back-off for the account, whichever address the next guess comes from
        LoginThrottle.Admission refused = admit(user, unique("ip"));
        assertFalse(refused.counted());
        assertEquals("account", refused.limit());
        assertEquals(1, refused.retryAfterSeconds());

        Thread.sleep(1_100);
        assertTrue(admit(user, unique("ip")).counted());
        LoginThrottle.Admission doubled = admit(user, unique("ip"));
        assertFalse(doubled.counted());
        assertEquals(2, doubled.retryAfterSeconds(), "the 7th failure waits twice as long");
    }

    @Test
    void anIpGetsTwentyFreeFailuresAcrossAccountsThenBacksOff() {
        String ip = unique("sprayer");
        for (int i = 0; i < 21; i++) {
            assertTrue(admit(unique("user"), ip).counted(), "attempt " + (i + 1));
        }
        LoginThrottle.Admission refused = admit(unique("user"), ip);
        assertFalse(refused.counted());
        assertEquals("ip", refused.limit());
    }

    @Test
    void concurrentGuessesAreCountedBeforeAnyPasswordIsChecked() {
        String user = unique("concurrent") + "@latchkey.dev";
        List<Uni<LoginThrottle.Admission>> attempts = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            attempts.add(throttle.admit(user, unique("ip")));
        }
        List<LoginThrottle.Admission> answers = Uni.join().all(attempts).andFailFast().await().atMost(Duration.ofSeconds(10));
        long counted = answers.stream().filter(LoginThrottle.Admission::counted).count();
        // 5 free failures, the 6th sets the back-off: of 30 simultaneous guesses only 6 reach the password check
        assertEquals(6, counted);
    }

    @Test
    void aSuccessForgetsTheAccountsFailuresAndTakesBackOnlyItsOwnCountFromTheIp() {
        String user = unique("owner") + "@latchkey.dev";
        String ip = unique("office");
        for (int i = 0; i < 5; i++) {
            assertTrue(admit(user, ip).counted());
        }
        assertTrue(admit(user, ip).counted());
        throttle.succeeded(user, ip).await().atMost(Duration.ofSeconds(5));
        // the account starts afresh...
        for (int i = 0; i < 6; i++) {
            assertTrue(admit(user, unique("elsewhere")).counted(), "after success, attempt " + (i + 1));
        }
        // ...while the office IP still holds its 5 failures (20 free): 15 more failures are free, then it backs off
        for (int i = 0; i < 16; i++) {
            assertTrue(admit(unique("other"), ip).counted(), "ip attempt " + (i + 1));
        }
        assertFalse(admit(unique("other"), ip).counted());
    }

    @Test
    void anAttemptAnswered503BeforeItsCheckIsNotAFailure() {
        String user = unique("busy") + "@latchkey.dev";
        String ip = unique("busy-ip");
        for (int i = 0; i < 6; i++) {
            assertTrue(admit(user, ip).counted());
        }
        // the 6th attempt set a back-off; it was never checked (no slot free), so it is taken back with its back-off
        throttle.notChecked(user, ip).await().atMost(Duration.ofSeconds(5));
        assertTrue(admit(user, ip).counted(), "the back-off of an unchecked attempt is lifted");
        assertFalse(admit(user, ip).counted());
    }

    @Test
    void theCountersAreKeyedOnHashesNeverOnTheEmailAddressOrIp() {
        String user = unique("private") + "@latchkey.dev";
        admit(user, "203.0.113.9");
        List<String> keys = redisKeysContaining(user, "203.0.113.9");
        assertTrue(keys.isEmpty(), keys.toString());
    }

    @Inject
    io.quarkus.redis.datasource.RedisDataSource redis;

    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "latchkey.redis.key-prefix")
    String prefix;

    private List<String> redisKeysContaining(String... secrets) {
        List<String> found = new ArrayList<>();
        for (String key : redis.key().keys(prefix + "login-*")) {
            for (String secret : secrets) {
                if (key.contains(secret)) {
                    found.add(key);
                }
            }
        }
        return found;
    }
}
