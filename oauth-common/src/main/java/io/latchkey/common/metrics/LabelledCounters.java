package io.latchkey.common.metrics;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * A counter with two labels whose values are not known in advance (grant type × client id), for the hot paths:
 * each pair's {@link Counter} is registered once and then found with two map lookups — no tag objects, no string
 * concatenation, no allocation per request. The number of distinct pairs is capped; past the cap a new pair is
 * counted under {@link MetricNames#OTHER} for its second label, so a flood of values cannot grow the scrape.
 * Callers pass only bounded values (known grant types, registered clients).
 */
public final class LabelledCounters {

    private final MeterRegistry registry;
    private final String name;
    private final String description;
    private final String firstLabel;
    private final String secondLabel;
    private final int maxPairs;
    private final AtomicInteger pairs = new AtomicInteger();
    private final Map<String, Map<String, Counter>> counters = new ConcurrentHashMap<>();

    public LabelledCounters(MeterRegistry registry, String name, String description, String firstLabel,
                            String secondLabel, int maxPairs) {
        this.registry = registry;
        this.name = name;
        this.description = description;
        this.firstLabel = firstLabel;
        this.secondLabel = secondLabel;
        this.maxPairs = maxPairs;
    }

    /** Registers the pair now (shown as 0 before the first event). */
    public LabelledCounters preRegister(String first, String second) {
        counter(first, second);
        return this;
    }

    public void increment(String first, String second) {
        counter(first, second).increment();
    }

    /** The pair's counter; past the cap, the counter of ({@code first}, {@link MetricNames#OTHER}). */
    public Counter counter(String first, String second) {
        Map<String, Counter> row = counters.get(first);
        if (row != null) {
            Counter c = row.get(second);
            if (c != null) {
                return c;
            }
        }
        return register(first, second);
    }

    private Counter register(String first, String second) {
        Map<String, Counter> row = counters.computeIfAbsent(first, f -> new ConcurrentHashMap<>());
        Counter existing = row.get(second);
        if (existing != null) {
            return existing;
        }
        String label = second;
        if (!MetricNames.OTHER.equals(second) && pairs.incrementAndGet() > maxPairs) {
            pairs.decrementAndGet();
            label = MetricNames.OTHER;
        }
        String value = label;
        return row.computeIfAbsent(value, v -> Counter.builder(name).description(description)
                .tag(firstLabel, first).tag(secondLabel, v).register(registry));
    }
}
