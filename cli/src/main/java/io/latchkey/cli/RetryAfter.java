package io.latchkey.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** RFC 9110 §10.2.3 Retry-After: delay-seconds or an HTTP-date. */
public final class RetryAfter {

    /** Never wait longer than this on a server's word. */
    static final Duration MAX = Duration.ofMinutes(5);

    private RetryAfter() {
    }

    public static Optional<Duration> parse(String value, Instant now) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.trim();
        if (v.matches("\\d{1,9}")) {
            return Optional.of(cap(Duration.ofSeconds(Long.parseLong(v))));
        }
        try {
            Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration d = Duration.between(now, at);
            return Optional.of(d.isNegative() ? Duration.ZERO : cap(d));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Duration cap(Duration d) {
        return d.compareTo(MAX) > 0 ? MAX : d;
    }
}
