package io.latchkey.common.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class LabelledCountersTest {

    @Test
    void eachPairIsRegisteredOnceAndFoundAgain() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        LabelledCounters c = new LabelledCounters(registry, "t", "d", "grant_type", "client_id", 10);
        c.increment("client_credentials", "a");
        c.increment("client_credentials", "a");
        assertSame(c.counter("client_credentials", "a"), c.counter("client_credentials", "a"));
        assertEquals(2.0, registry.get("t").tags("grant_type", "client_credentials", "client_id", "a").counter().count());
    }

    @Test
    void pastTheCapNewValuesCountAsUnknownAndTheScrapeStopsGrowing() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        LabelledCounters c = new LabelledCounters(registry, "t", "d", "grant_type", "client_id", 3);
        for (int i = 0; i < 1000; i++) {
            c.increment("client_credentials", "client-" + i);
        }
        // three real clients and one "unknown" series, however many ids came
        assertEquals(4, registry.find("t").counters().size());
        assertEquals(997.0, registry.get("t").tags("client_id", MetricNames.OTHER).counter().count());
    }

    @Test
    void clientCountersAreBoundedToo() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        ClientCounters c = new ClientCounters(registry, "d", "d", 2);
        for (int i = 0; i < 50; i++) {
            c.increment("client-" + i);
        }
        assertEquals(3, registry.find("d").counters().size());
        assertEquals(48.0, registry.get("d").tags("client_id", MetricNames.OTHER).counter().count());
    }
}
