package io.latchkey.gateway.limit;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import org.jboss.logging.Logger;

/**
 * Keeps the limiter from waiting on a Redis that is gone: after one failed or slow check the circuit opens and, for
 * {@code openFor}, checks are skipped (requests are let through: the limiter fails open, the platform stays up). The
 * first request after that tries Redis again; success closes the circuit.
 */
final class RedisCircuit {

    private static final Logger LOG = Logger.getLogger(RedisCircuit.class);

    private final long openForNanos;
    private final LongSupplier nanoClock;
    /** System.nanoTime() until which checks are skipped; 0 while closed. */
    private final AtomicLong openUntil = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();

    RedisCircuit(Duration openFor, LongSupplier nanoClock) {
        this.openForNanos = openFor.toNanos();
        this.nanoClock = nanoClock;
    }

    /** True when Redis may be asked now (closed, or open long enough to try again). */
    boolean allowsCheck() {
        long until = openUntil.get();
        if (until == 0 || nanoClock.getAsLong() - until >= 0) {
            return true;
        }
        skipped.incrementAndGet();
        return false;
    }

    void succeeded() {
        if (openUntil.getAndSet(0) != 0) {
            LOG.infof("Rate limiter: Redis answers again; limits enforced (%d requests were let through unchecked)",
                    skipped.getAndSet(0));
        }
    }

    void failed(Throwable cause) {
        long previous = openUntil.getAndSet(nanoClock.getAsLong() + openForNanos);
        if (previous == 0) {
            LOG.warnf("Rate limiter: Redis unavailable (%s); letting requests through unchecked for %d ms at a time",
                    cause.toString(), openForNanos / 1_000_000);
        }
    }

    boolean isOpen() {
        return openUntil.get() != 0;
    }

    /** Requests let through unchecked since the circuit last opened. */
    long skipped() {
        return skipped.get();
    }
}
