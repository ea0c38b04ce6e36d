package io.latchkey.common.vertx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.vertx.core.Context;
import io.vertx.core.Vertx;

class UncaughtExceptionsTest {

    private static IllegalStateException thrownBy(String className, String message) {
        IllegalStateException e = new IllegalStateException(message);
        e.setStackTrace(new StackTraceElement[] {
                new StackTraceElement("io.vertx.core.Promise", "fail", "Promise.java", 90),
                new StackTraceElement(className, "lambda$execute$3", "X.java", 216),
                new StackTraceElement("io.vertx.core.impl.VertxImpl$InternalTimerHandler", "handle", "VertxImpl.java", 1102)});
        return e;
    }

    @Test
    void onlyTheSqlPoolsDoubleFailureIsRecognised() {
        assertTrue(UncaughtExceptions.isPoolTimeoutAfterFailedAcquire(
                thrownBy("io.vertx.sqlclient.impl.pool.SqlConnectionPool", "Result is already complete")));
        assertFalse(UncaughtExceptions.isPoolTimeoutAfterFailedAcquire(
                thrownBy("io.latchkey.token.Something", "Result is already complete")));
        assertFalse(UncaughtExceptions.isPoolTimeoutAfterFailedAcquire(
                thrownBy("io.vertx.sqlclient.impl.pool.SqlConnectionPool", "something else")));
        assertFalse(UncaughtExceptions.isPoolTimeoutAfterFailedAcquire(new IllegalArgumentException("Result is already complete")));
        assertFalse(UncaughtExceptions.isPoolTimeoutAfterFailedAcquire(new IllegalStateException((String) null)));
    }

    @Test
    void everyOtherUncaughtExceptionStillReachesTheHandlerBefore() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            List<Throwable> reached = new CopyOnWriteArrayList<>();
            vertx.exceptionHandler(reached::add);
            UncaughtExceptions.install(vertx);
            IllegalStateException known = thrownBy("io.vertx.sqlclient.impl.pool.SqlConnectionPool", "Result is already complete");
            IllegalStateException other = new IllegalStateException("a real bug");
            // thrown on the event loop, as the pool's timer does; one context, so the three run in order
            Context loop = vertx.getOrCreateContext();
            loop.runOnContext(v -> {
                throw known;
            });
            loop.runOnContext(v -> {
                throw other;
            });
            CompletableFuture<Void> after = new CompletableFuture<>();
            loop.runOnContext(v -> after.complete(null));
            after.get(10, TimeUnit.SECONDS);
            assertEquals(List.of(other), reached);
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }
}
