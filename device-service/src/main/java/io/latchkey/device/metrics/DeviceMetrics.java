package io.latchkey.device.metrics;

import jakarta.enterprise.context.ApplicationScoped;

import io.latchkey.common.metrics.ClientCounters;
import io.latchkey.common.metrics.EnumCounters;
import io.latchkey.common.metrics.MetricNames;
import io.latchkey.device.device.PollOutcome;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * device-service's OAuth outcome counters (README, "Metrics"): device authorizations per client (RFC 8628 §3.2) and
 * device-code polls per outcome (RFC 8628 §3.5). Meters are registered once; a poll costs one array read and one
 * increment.
 */
// created at start-up, so every series is exported (at 0) before its first event
@io.quarkus.runtime.Startup
@ApplicationScoped
public class DeviceMetrics {

    static final int MAX_CLIENTS = 10_000;

    private final ClientCounters authorizations;
    private final EnumCounters<PollOutcome.Kind> polls;

    public DeviceMetrics(MeterRegistry registry) {
        authorizations = new ClientCounters(registry, MetricNames.DEVICE_AUTHORIZATIONS, "Device authorizations issued",
                MAX_CLIENTS);
        polls = new EnumCounters<>(registry, MetricNames.DEVICE_POLLS, "Device-code polls", MetricNames.OUTCOME,
                PollOutcome.Kind.class, DeviceMetrics::outcome);
    }

    /** A device authorization issued to {@code clientId} (authenticated or a registered public client). */
    public void authorized(String clientId) {
        authorizations.increment(clientId);
    }

    public void polled(PollOutcome.Kind kind) {
        polls.increment(kind);
    }

    static String outcome(PollOutcome.Kind kind) {
        return switch (kind) {
            case APPROVED -> "approved";
            case PENDING -> "pending";
            case SLOW_DOWN -> "slow_down";
            case DENIED -> "denied";
            case EXPIRED -> "expired";
            case INVALID_GRANT -> "invalid_grant";
            case CLIENT_AUTH_REQUIRED -> "invalid_client";
        };
    }
}
