package io.latchkey.common.vertx;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;

/**
 * Every service's last word on an exception nobody handled: Quarkus's handler (an ERROR line), but for one known
 * fault of vertx-sql-client (eclipse-vertx/vertx-sql-client issue 1706, open): when a pooled query cannot get a
 * connection (PostgreSQL down), the caller rightly gets that failure, and the pool's connection-timeout timer, never
 * cancelled, later fails the same promise again and throws {@code IllegalStateException: Result is already complete}
 * on the event loop, up to 30 s after the outage. Nothing is lost or left waiting by then; that second failure is
 * logged at DEBUG, so that an ERROR in the logs still means a fault of Latchkey's.
 */
@ApplicationScoped
public class UncaughtExceptions {

    private static final Logger LOG = Logger.getLogger(UncaughtExceptions.class);
    private static final String SQL_POOL = "io.vertx.sqlclient.impl.pool.SqlConnectionPool";

    void install(@Observes StartupEvent start, Vertx vertx) {
        install(vertx);
    }

    /** Wraps {@code vertx}'s exception handler (Quarkus's, set before start-up) with the known-fault filter. */
    public static void install(Vertx vertx) {
        Handler<Throwable> previous = vertx.exceptionHandler();
        vertx.exceptionHandler(failure -> {
            if (isPoolTimeoutAfterFailedAcquire(failure)) {
                LOG.debugf("vertx-sql-client issue 1706 (a pool timer failing a query that had already failed): %s",
                        failure.toString());
            } else if (previous != null) {
                previous.handle(failure);
            } else {
                LOG.error("Uncaught exception received by Vert.x", failure);
            }
        });
    }

    /** The exception of issue 1706: thrown by the pool's own timer, on a promise its failed acquire had completed. */
    static boolean isPoolTimeoutAfterFailedAcquire(Throwable failure) {
        if (!(failure instanceof IllegalStateException) || !"Result is already complete".equals(failure.getMessage())) {
            return false;
        }
        StackTraceElement[] frames = failure.getStackTrace();
        // Promise.fail, then the pool's timer lambda
        for (int i = 0; i < Math.min(frames.length, 3); i++) {
            if (SQL_POOL.equals(frames[i].getClassName())) {
                return true;
            }
        }
        return false;
    }
}
