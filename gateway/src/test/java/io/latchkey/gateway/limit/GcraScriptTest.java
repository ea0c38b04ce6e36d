package io.latchkey.gateway.limit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;

/** The limiter decision, run by the real script on the local Redis (own key prefix). */
class GcraScriptTest {

    private static Vertx vertx;
    private static Redis redis;
    private final String prefix = "lk-gcra-test-" + UUID.randomUUID() + ":";

    @BeforeAll
    static void connect() {
        vertx = Vertx.vertx();
        redis = Redis.createClient(vertx, "redis://127.0.0.1:6379");
    }

    @AfterAll
    static void close() {
        redis.close();
        vertx.close();
    }

    private static <T> T await(Future<T> future) {
        return future.toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
    }

    private GcraScript.Outcome check(Rate rate, String... keys) {
        List<String> names = java.util.Arrays.stream(keys).map(k -> prefix + k).toList();
        return await(GcraScript.run(redis, names, names.stream().map(k -> rate).toList()));
    }

    @Test
    void aRateOfNAdmitsABurstOfNThenRefusesWithTheTimeUntilTheNextSlot() {
        Rate rate = Rate.parse("5/1m");
        for (int i = 0; i < 5; i++) {
            assertTrue(check(rate, "a").admitted(), "request " + (i + 1));
        }
        GcraScript.Outcome refused = check(rate, "a");
        assertFalse(refused.admitted());
        assertEquals(0, refused.refusedIndex());
        // the next slot opens one emission interval (12 s) after the burst began
        assertTrue(refused.retryAfterMicros() > 10_000_000 && refused.retryAfterMicros() <= 12_000_000,
                "retry after " + refused.retryAfterMicros());
    }

    @Test
    void aRequestRefusedByOneLimitCostsNothingInTheOthers() {
        Rate rate = Rate.parse("2/1m");
        assertTrue(check(rate, "ip", "client-1").admitted());
        assertTrue(check(rate, "ip", "client-1").admitted());
        GcraScript.Outcome refused = check(rate, "ip2", "client-1");
        assertFalse(refused.admitted());
        assertEquals(1, refused.refusedIndex());
        // ip2 was not charged for the refused request: it still has its whole burst
        assertTrue(check(rate, "ip2").admitted());
        assertTrue(check(rate, "ip2").admitted());
        assertFalse(check(rate, "ip2").admitted());
    }

    @Test
    void afterThePeriodTheWholeBurstIsAvailableAgain() throws InterruptedException {
        Rate rate = Rate.parse("3/PT0.6S");
        for (int i = 0; i < 3; i++) {
            assertTrue(check(rate, "w").admitted());
        }
        assertFalse(check(rate, "w").admitted());
        Thread.sleep(650);
        for (int i = 0; i < 3; i++) {
            assertTrue(check(rate, "w").admitted(), "after the period, request " + (i + 1));
        }
    }

    @Test
    void aCounterExpiresWhenItNoLongerMatters() {
        check(Rate.parse("10/1m"), "ttl");
        long ttl = await(redis.send(Request.cmd(Command.PTTL).arg(prefix + "ttl"))).toLong();
        // one request of a 10/min rate is forgotten after 6 s: memory per key is bounded in time
        assertTrue(ttl > 0 && ttl <= 6_000, "ttl " + ttl);
    }
}
