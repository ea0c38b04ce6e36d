package io.latchkey.common.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The Redis subscribers' retry delays: the gateway's readiness waits on them while token-service starts. */
class ReconnectBackoffTest {

    @Test
    void doublesFromTheMinimumAndStopsAtHalfASecond() {
        ReconnectBackoff backoff = new ReconnectBackoff();
        List<Long> delays = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            delays.add(backoff.next());
        }
        assertEquals(List.of(100L, 200L, 400L, 500L, 500L, 500L, 500L, 500L), delays);
    }

    @Test
    void aSuccessStartsTheNextFailureFromTheMinimumAgain() {
        ReconnectBackoff backoff = new ReconnectBackoff();
        backoff.next();
        backoff.next();
        backoff.next();
        backoff.reset();
        assertEquals(100L, backoff.next());
        assertEquals(200L, backoff.next());
    }
}
