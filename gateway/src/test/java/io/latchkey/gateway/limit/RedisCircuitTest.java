package io.latchkey.gateway.limit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class RedisCircuitTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final RedisCircuit circuit = new RedisCircuit(Duration.ofSeconds(5), now::get);

    @Test
    void whenClosedEveryCheckAsksRedis() {
        assertTrue(circuit.allowsCheck());
        circuit.succeeded();
        assertTrue(circuit.allowsCheck());
        assertFalse(circuit.isOpen());
    }

    @Test
    void whenRedisFailsThenChecksAreSkippedForTheOpenPeriod() {
        circuit.failed(new RuntimeException("connection refused"));
        now.addAndGet(Duration.ofSeconds(4).toNanos());
        assertFalse(circuit.allowsCheck());
        assertFalse(circuit.allowsCheck());
        assertEquals(2, circuit.skipped());
    }

    @Test
    void whenTheOpenPeriodIsOverThenRedisIsTriedAgainAndSuccessCloses() {
        circuit.failed(new RuntimeException("timeout"));
        now.addAndGet(Duration.ofSeconds(5).toNanos());
        assertTrue(circuit.allowsCheck());
        circuit.succeeded();
        assertFalse(circuit.isOpen());
        assertTrue(circuit.allowsCheck());
    }

    @Test
    void whenTheRetryFailsThenTheCircuitOpensAgain() {
        circuit.failed(new RuntimeException("timeout"));
        now.addAndGet(Duration.ofSeconds(6).toNanos());
        assertTrue(circuit.allowsCheck());
        circuit.failed(new RuntimeException("still down"));
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        assertFalse(circuit.allowsCheck());
    }
}
