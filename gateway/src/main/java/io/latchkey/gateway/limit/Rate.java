package io.latchkey.gateway.limit;

import java.time.Duration;
import java.time.format.DateTimeParseException;

/**
 * A rate: {@code requests} per {@code period}, written {@code 30/1m}, {@code 600/PT1M} or {@code 5/10s}. As a GCRA
 * it admits a burst of {@code requests} and then one more every {@code period / requests}.
 */
public record Rate(int requests, Duration period) {

    public Rate {
        if (requests < 1 || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("A rate needs at least one request per positive period");
        }
    }

    /** Parses {@code <requests>/<period>}; the period is ISO-8601 ({@code PT1M}) or a number with s, m or h. */
    public static Rate parse(String spec) {
        String text = spec == null ? "" : spec.trim();
        int slash = text.indexOf('/');
        if (slash < 1) {
            throw new IllegalArgumentException("Not a rate (requests/period): " + spec);
        }
        try {
            int requests = Integer.parseInt(text.substring(0, slash).trim());
            return new Rate(requests, duration(text.substring(slash + 1).trim()));
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException("Not a rate (requests/period): " + spec, e);
        }
    }

    private static Duration duration(String text) {
        if (text.regionMatches(true, 0, "P", 0, 1)) {
            return Duration.parse(text);
        }
        char unit = Character.toLowerCase(text.charAt(text.length() - 1));
        long amount = Long.parseLong(text.substring(0, text.length() - 1));
        return switch (unit) {
            case 's' -> Duration.ofSeconds(amount);
            case 'm' -> Duration.ofMinutes(amount);
            case 'h' -> Duration.ofHours(amount);
            default -> throw new NumberFormatException("unit must be s, m or h: " + text);
        };
    }

    /** GCRA emission interval: the time one request "costs", in microseconds. */
    public long emissionIntervalMicros() {
        return Math.max(1, periodMicros() / requests);
    }

    public long periodMicros() {
        return period.toNanos() / 1000;
    }

    @Override
    public String toString() {
        return requests + "/" + period;
    }
}
