package io.latchkey.gateway.proxy;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** RFC 9110 §6.6.1 / §5.6.7: the Date header in IMF-fixdate, formatted once a second rather than once a request. */
final class HttpDate {

    private static final DateTimeFormatter IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private record Second(long epochSecond, String formatted) {
    }

    private static volatile Second last = new Second(Long.MIN_VALUE, "");

    private HttpDate() {
    }

    static String now() {
        long second = System.currentTimeMillis() / 1000;
        Second cached = last;
        if (cached.epochSecond != second) {
            cached = new Second(second, IMF_FIXDATE.format(Instant.ofEpochSecond(second)));
            last = cached; // a race only formats the same second twice
        }
        return cached.formatted;
    }
}
