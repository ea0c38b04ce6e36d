package io.latchkey.common.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * A counter with one label whose values are an enum's: every value's {@link Counter} is registered up front (so each
 * shows 0 before its first event) and found by ordinal on the hot path.
 */
public final class EnumCounters<E extends Enum<E>> {

    private final Counter[] counters;

    /** {@code labelValue} names each constant on the wire; a null name leaves the constant uncounted. */
    public EnumCounters(MeterRegistry registry, String name, String description, String label, Class<E> type,
                        java.util.function.Function<E, String> labelValue) {
        E[] values = type.getEnumConstants();
        counters = new Counter[values.length];
        for (E value : values) {
            String wire = labelValue.apply(value);
            if (wire != null) {
                counters[value.ordinal()] = Counter.builder(name).description(description).tag(label, wire)
                        .register(registry);
            }
        }
    }

    public void increment(E value) {
        Counter c = counters[value.ordinal()];
        if (c != null) {
            c.increment();
        }
    }
}
