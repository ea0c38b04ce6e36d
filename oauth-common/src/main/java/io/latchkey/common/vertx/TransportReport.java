package io.latchkey.common.vertx;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;

/**
 * Says once, at start-up, which network transport the service's Vert.x runs on: Netty's epoll (what oauth-common's
 * defaults ask for, {@code quarkus.vertx.prefer-native-transport=true}) or Java NIO, with the reason where epoll was
 * asked for and could not be loaded (a platform Netty ships no library for). That last case is a WARN (the service
 * works, on the transport the benchmarks did not measure); NIO chosen on purpose is INFO.
 */
@ApplicationScoped
public class TransportReport {

    private static final Logger LOG = Logger.getLogger(TransportReport.class);

    void report(@Observes StartupEvent start, Vertx vertx) {
        if (vertx.unavailableNativeTransportCause() == null) {
            LOG.info(describe(vertx));   // epoll, or NIO chosen on purpose
        } else {
            LOG.warn(describe(vertx));
        }
    }

    /** "Network transport: epoll (native)", or Java NIO and why the native one is not in use. */
    static String describe(Vertx vertx) {
        if (vertx.isNativeTransportEnabled()) {
            return "Network transport: epoll (native)";
        }
        Throwable cause = vertx.unavailableNativeTransportCause();
        return cause == null
                ? "Network transport: Java NIO (quarkus.vertx.prefer-native-transport=false)"
                : "Network transport: Java NIO; the native transport could not be loaded: " + cause;
    }
}
