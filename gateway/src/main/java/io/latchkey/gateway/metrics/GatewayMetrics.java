package io.latchkey.gateway.metrics;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import io.latchkey.common.metrics.MetricNames;
import io.latchkey.gateway.routes.Route;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * The gateway's meters (README, "Metrics"), all registered when the route table is installed: per route of the
 * {@link io.latchkey.gateway.routes.RouteTable} (labelled by the table's path, never the raw path) a request-duration
 * histogram and a rate-limit refusal counter. Recording a request is one {@code nanoTime}, one end handler and one
 * timer update.
 */
@ApplicationScoped
public class GatewayMetrics {

    /** Histogram buckets: from a cached poll to a slow sign-in. */
    private static final Duration[] BUCKETS = {Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(10),
            Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
            Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5)};

    private final MeterRegistry registry;

    public GatewayMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** The route's meters, registered now. */
    public RouteMeters forRoute(Route route) {
        Timer timer = Timer.builder(MetricNames.REQUESTS)
                .description("Requests through the gateway, by route, from arrival to the last byte of the answer")
                .tag(MetricNames.ROUTE, route.path())
                .serviceLevelObjectives(BUCKETS)
                .register(registry);
        Counter limited = Counter.builder(MetricNames.RATE_LIMITED)
                .description("Requests refused over a rate limit, by route")
                .tag(MetricNames.ROUTE, route.path())
                .register(registry);
        return new RouteMeters(timer, limited);
    }

    /** One route's meters. */
    public record RouteMeters(Timer requests, Counter rateLimited) {

        /** A handler that times the request until its answer has been written, then passes it on. */
        public Handler<RoutingContext> timing() {
            Timer timer = requests;
            return ctx -> {
                long start = System.nanoTime();
                ctx.addEndHandler(ended -> timer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS));
                ctx.next();
            };
        }
    }
}
