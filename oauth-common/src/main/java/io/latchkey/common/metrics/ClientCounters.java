package io.latchkey.common.metrics;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * A counter labelled by {@code client_id} alone, bounded like {@link LabelledCounters}: one registered
 * {@link Counter} per client, found with one map lookup; once {@code maxClients} ids are known, new ones count as
 * {@link MetricNames#OTHER}. Callers pass registered (authenticated or looked-up) client ids only.
 */
public final class ClientCounters {

    private final MeterRegistry registry;
    private final String name;
    private final String description;
    private final int maxClients;
    private final Map<String, Counter> byClient = new ConcurrentHashMap<>();

    public ClientCounters(MeterRegistry registry, String name, String description, int maxClients) {
        this.registry = registry;
        this.name = name;
        this.description = description;
        this.maxClients = maxClients;
    }

    public void increment(String clientId) {
        Counter c = byClient.get(clientId);
        (c != null ? c : register(clientId)).increment();
    }

    private Counter register(String clientId) {
        String label = byClient.size() >= maxClients ? MetricNames.OTHER : clientId;
        return byClient.computeIfAbsent(label, v -> Counter.builder(name).description(description)
                .tag(MetricNames.CLIENT_ID, v).register(registry));
    }
}
