package io.latchkey.consent.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.smallrye.mutiny.Uni;

class PasswordChecksTest {

    private static LoginConfig config(Integer maxConcurrent, int queue) {
        return new LoginConfig() {
            public int accountFreeFailures() { return 5; }
            public int ipFreeFailures() { return 20; }
            public Duration backoffBase() { return Duration.ofSeconds(1); }
            public Duration backoffMax() { return Duration.ofMinutes(15); }
            public Duration failureWindow() { return Duration.ofMinutes(15); }
            public Optional<Integer> maxConcurrentChecks() { return Optional.ofNullable(maxConcurrent); }
            public double checkHeapShare() { return 0.5; }
            public int checkQueue() { return queue; }
        };
    }

    @ParameterizedTest(name = "heap {0} MiB, {1} KiB per check -> {2} at once")
    @CsvSource({
            "96, 7168, 6",     // run.sh's consent-service heap, the default cost
            "112, 19456, 2",
            "160, 19456, 3",
            "1024, 19456, 24",
            "32, 19456, 1",    // never fewer than one
            "112, 4096, 12"})
    void asManyChecksRunAtOnceAsFitInHalfTheHeap(long heapMib, int memoryKib, int expected) {
        assertEquals(expected, PasswordChecks.fitting(heapMib << 20, memoryKib, 0.5));
    }

    @Test
    void anOperatorMaySetTheNumberOfChecks() {
        assertEquals(7, new PasswordChecks(config(7, 4), 19456).concurrency());
    }

    @Test
    void whenEverySlotAndTheQueueAreTakenTheNextCheckFailsAtOnceWithBusy() throws Exception {
        PasswordChecks checks = new PasswordChecks(config(1, 1), 19456);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch running = new CountDownLatch(1);
        Uni<String> first = checks.run(() -> {
            running.countDown();
            await(release);
            return "first";
        });
        var firstResult = first.subscribeAsCompletionStage();
        running.await(5, TimeUnit.SECONDS);
        var queued = checks.run(() -> "queued").subscribeAsCompletionStage();

        long start = System.nanoTime();
        assertThrows(PasswordChecks.Busy.class, () -> checks.run(() -> "third").await().atMost(Duration.ofSeconds(5)));
        assertEquals(true, System.nanoTime() - start < 1_000_000_000L, "refused at once, not after a wait");

        release.countDown();
        assertEquals("first", firstResult.get(5, TimeUnit.SECONDS));
        assertEquals("queued", queued.get(5, TimeUnit.SECONDS));
        // and the slots are free again
        assertEquals("after", checks.run(() -> "after").await().atMost(Duration.ofSeconds(5)));
        checks.stop();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
