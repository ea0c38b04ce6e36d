package io.latchkey.consent.login;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

import io.latchkey.consent.config.ConsentServiceConfig;

/**
 * Runs Argon2id checks on a small pool of their own, as many at once as the heap holds (each takes
 * {@code memory-kib}), with a short queue. When pool and queue are full the check fails at once with {@link Busy}
 * (the caller answers 503 temporarily_unavailable with Retry-After) instead of running out of memory.
 */
@ApplicationScoped
public class PasswordChecks {

    private static final Logger LOG = Logger.getLogger(PasswordChecks.class);

    private final ThreadPoolExecutor pool;
    private final int concurrency;

    @Inject
    public PasswordChecks(ConsentServiceConfig config) {
        this(config.login(), config.password().argon2().memoryKib());
    }

    PasswordChecks(LoginConfig config, int memoryKib) {
        this.concurrency = config.maxConcurrentChecks()
                .orElseGet(() -> fitting(Runtime.getRuntime().maxMemory(), memoryKib, config.checkHeapShare()));
        if (concurrency < 1) {
            throw new IllegalArgumentException("latchkey.login.max-concurrent-checks must be at least 1");
        }
        AtomicInteger threads = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(concurrency, concurrency, 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(Math.max(1, config.checkQueue())),
                task -> {
                    Thread thread = new Thread(task, "password-check-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        LOG.infof("Password checks: %d at once (heap %d MiB, %d KiB each), %d queued", concurrency,
                Runtime.getRuntime().maxMemory() >> 20, memoryKib, config.checkQueue());
    }

    /** How many checks of {@code memoryKib} (plus 10 % for the rest of a request) fit in {@code share} of the heap. */
    static int fitting(long maxHeapBytes, int memoryKib, double share) {
        double perCheck = memoryKib * 1024.0 * 1.1;
        return (int) Math.max(1, Math.floor(maxHeapBytes * share / perCheck));
    }

    public int concurrency() {
        return concurrency;
    }

    /** Runs the blocking {@code check} on the pool; the result comes back on the caller's Vert.x context. */
    public <T> Uni<T> run(Supplier<T> check) {
        return Uni.createFrom().emitter(emitter -> {
            Context context = Vertx.currentContext();
            try {
                pool.execute(() -> {
                    T result;
                    try {
                        result = check.get();
                    } catch (Throwable t) {
                        onContext(context, () -> emitter.fail(t));
                        return;
                    }
                    onContext(context, () -> emitter.complete(result));
                });
            } catch (RejectedExecutionException full) {
                LOG.infof("Sign-in refused: all %d password checks and the queue are busy", concurrency);
                emitter.fail(Busy.INSTANCE);
            }
        });
    }

    private static void onContext(Context context, Runnable action) {
        if (context == null) {
            action.run();
        } else {
            context.runOnContext(ignored -> action.run());
        }
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }

    /** Every password-check slot is taken: retry in a moment. No stack trace: it is an answer, not a bug. */
    public static final class Busy extends RuntimeException {

        static final Busy INSTANCE = new Busy();

        private Busy() {
            super("All password checks are busy", null, false, false);
        }
    }
}
