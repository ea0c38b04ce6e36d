package io.latchkey.consent.login;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.WithDefault;

/**
 * {@code latchkey.login.*} (a group of ConsentServiceConfig): sign-in back-off per account and per IP, and how many
 * password checks run at once.
 */
public interface LoginConfig {

    /** Failed sign-ins to one account (from any IP) before each further one waits an exponential back-off. */
    @WithDefault("5")
    int accountFreeFailures();

    /** Failed sign-ins from one IP (to any account) before each further one waits an exponential back-off. */
    @WithDefault("20")
    int ipFreeFailures();

    /** The first back-off; each further failure doubles it. */
    @WithDefault("PT1S")
    Duration backoffBase();

    /** The longest back-off. */
    @WithDefault("PT15M")
    Duration backoffMax();

    /** A failure counter is forgotten after this long without an attempt (or when its back-off ends, if later). */
    @WithDefault("PT15M")
    Duration failureWindow();

    /**
     * Argon2id checks running at once. Unset: as many as fit in {@code check-heap-share} of the heap
     * (Runtime.maxMemory), each taking {@code latchkey.password.argon2.memory-kib} plus 10 %; at least one.
     */
    Optional<Integer> maxConcurrentChecks();

    /** Share of the maximum heap the concurrent Argon2id checks may use, when max-concurrent-checks is unset. */
    @WithDefault("0.5")
    double checkHeapShare();

    /** Sign-ins waiting for a free check; beyond it the answer is 503 temporarily_unavailable with Retry-After. */
    @WithDefault("16")
    int checkQueue();
}
