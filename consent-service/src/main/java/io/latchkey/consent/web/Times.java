package io.latchkey.consent.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * A time as the pages show it: rendered in UTC by the server ({@code <time datetime="..." title="...">}), which the
 * optional {@code /static/local-time.js} rewrites in the reader's time zone (the UTC text stays on hover).
 *
 * @param iso the ISO-8601 UTC instant, for {@code datetime}
 * @param utc the same in words, e.g. "2 Dec 2026, 09:41 UTC"
 */
public record Times(String iso, String utc) {

    private static final DateTimeFormatter WORDS = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH);

    public static Times of(OffsetDateTime at) {
        return at == null ? null : of(at.toInstant());
    }

    public static Times of(Instant at) {
        if (at == null) {
            return null;
        }
        Instant seconds = at.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        return new Times(seconds.toString(), WORDS.format(seconds.atOffset(ZoneOffset.UTC)));
    }
}
