package io.latchkey.cli;

import java.time.Duration;
import java.util.Optional;
import java.util.random.RandomGenerator;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What to do after one device-code poll (RFC 8628 §3.4–3.5): a pure function of the current interval, the number of
 * failures in a row, and the answer (or a network error).
 */
public final class PollDecision {

    /** RFC 8628 §3.2: without an interval in the answer, clients use 5 s. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(5);
    /** RFC 8628 §3.5: slow_down adds 5 s to this and every later interval. */
    public static final Duration SLOW_DOWN_STEP = Duration.ofSeconds(5);
    /** Back-off on network errors and 5xx grows up to this. */
    public static final Duration MAX_BACKOFF = Duration.ofSeconds(60);

    public sealed interface Next permits Tokens, Wait, Stop {
    }

    /** The user approved: the token response. */
    public record Tokens(JsonNode body) implements Next {
    }

    /**
     * Poll again after {@code delay}; {@code interval} is the polling interval from now on; {@code failures} the
     * failures in a row so far (0 after any proper OAuth answer).
     */
    public record Wait(Duration interval, Duration delay, int failures, String reason) implements Next {
    }

    /** Give up with an exit code and a message. */
    public record Stop(int exitCode, String message) implements Next {
    }

    private PollDecision() {
    }

    /** After a network error (no HTTP answer). */
    public static Next afterNetworkError(Duration interval, int failures, String what) {
        int n = failures + 1;
        return new Wait(interval, backoff(interval, n), n, "network error (" + what + "), retrying");
    }

    public static Next after(Duration interval, int failures, int status, JsonNode body, Optional<Duration> retryAfter) {
        if (status == 200) {
            return new Tokens(body);
        }
        String error = Json.text(body, "error");
        if (status >= 500 || status == 429) {
            int n = failures + 1;
            // RFC 9110 §10.2.3 (and RFC 6585 §4): a server that says when to come back is obeyed, never sooner than
            // the interval; without Retry-After, back off exponentially
            Duration delay = retryAfter.map(d -> max(d, interval)).orElse(backoff(interval, n));
            return new Wait(interval, delay, n, "server unavailable (HTTP " + status + "), retrying");
        }
        if (status == 400 && error != null) {
            switch (error) {
                case "authorization_pending":
                    // RFC 8628 §3.5: keep polling at the interval
                    return new Wait(interval, interval, 0, "waiting for approval");
                case "slow_down": {
                    // RFC 8628 §3.5: the interval MUST grow by 5 s for this and all later requests; a larger interval
                    // named by the server (as Latchkey's device-service sends) is taken as it is
                    Duration grown = interval.plus(SLOW_DOWN_STEP);
                    Duration told = intervalOf(body).orElse(Duration.ZERO);
                    Duration next = max(grown, told);
                    return new Wait(next, next, 0, "the server asked to slow down; polling every " + next.toSeconds() + " s");
                }
                case "access_denied":
                    // RFC 8628 §3.5: the user denied the request
                    return new Stop(Exit.ACCESS_DENIED, "Access denied: the request was declined in the browser.");
                case "expired_token":
                    // RFC 8628 §3.5: the device code expired; start again
                    return new Stop(Exit.EXPIRED, "The code expired before it was approved. Run latchkey login again.");
                default:
                    break;
            }
        }
        String d = Json.text(body, "error_description");
        return new Stop(Exit.ERROR, "The token endpoint refused the device code: "
                + (error == null ? "HTTP " + status : error + (d == null ? "" : ": " + d)));
    }

    /** A little jitter (up to a tenth of the delay, at most 1 s), only ever added: never poll before the interval. */
    public static Duration withJitter(Duration delay, RandomGenerator random) {
        long maxJitterMs = Math.min(1000, delay.toMillis() / 10);
        return maxJitterMs <= 0 ? delay : delay.plusMillis(random.nextLong(maxJitterMs + 1));
    }

    /** The interval the device authorization response names (RFC 8628 §3.2), else 5 s. */
    public static Duration initialInterval(JsonNode deviceAuthorization) {
        return intervalOf(deviceAuthorization).filter(d -> !d.isZero()).orElse(DEFAULT_INTERVAL);
    }

    static Duration backoff(Duration interval, int failures) {
        long factor = 1L << Math.min(failures - 1, 6);
        Duration d = interval.multipliedBy(factor);
        return d.compareTo(MAX_BACKOFF) > 0 ? max(MAX_BACKOFF, interval) : d;
    }

    private static Optional<Duration> intervalOf(JsonNode body) {
        JsonNode v = body == null ? null : body.get("interval");
        if (v == null || !v.canConvertToLong() || v.asLong() < 0 || v.asLong() > 3600) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofSeconds(v.asLong()));
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
