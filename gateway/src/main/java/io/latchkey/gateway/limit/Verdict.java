package io.latchkey.gateway.limit;

/** A limiter's answer: admitted, or refused by {@code limit} until {@code retryAfterSeconds} have passed. */
public record Verdict(Limit limit, long retryAfterSeconds) {

    public static final Verdict ADMITTED = new Verdict(null, 0);

    public boolean admitted() {
        return limit == null;
    }

    /** RFC 9110 §10.2.3: Retry-After in whole seconds, rounded up, never 0 for a refusal. */
    static Verdict refused(Limit limit, long retryAfterMicros) {
        return new Verdict(limit, Math.max(1, (retryAfterMicros + 999_999) / 1_000_000));
    }
}
