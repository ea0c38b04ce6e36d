package io.latchkey.consent.admin;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import io.latchkey.common.Form;
import io.latchkey.common.KeysetPage;
import io.latchkey.common.error.OAuthError;

/**
 * Keyset pagination of the admin lists: {@code limit} (1–100, default 50) and an opaque {@code cursor} that names
 * the last row of the previous page (its time and id). A list answers {@code next_cursor} while more rows follow.
 */
public record PageCursor(OffsetDateTime at, UUID id, int limit) {

    public static final int DEFAULT_LIMIT = KeysetPage.DEFAULT_LIMIT;
    public static final int MAX_LIMIT = KeysetPage.MAX_LIMIT;

    /** Reads {@code limit} and {@code cursor} (oauth-common {@link KeysetPage}); 400 invalid_request when malformed. */
    public static PageCursor of(Form query) {
        KeysetPage page = KeysetPage.of(query);
        if (page.first()) {
            return new PageCursor(null, null, page.limit());
        }
        try {
            String plain = new String(Base64.getUrlDecoder().decode(page.cursor()), StandardCharsets.US_ASCII);
            int dot = plain.indexOf('.');
            long micros = Long.parseLong(plain.substring(0, dot));
            Instant at = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L);
            return new PageCursor(at.atOffset(ZoneOffset.UTC), UUID.fromString(plain.substring(dot + 1)), page.limit());
        } catch (RuntimeException e) {
            throw OAuthError.INVALID_REQUEST.with("Malformed cursor.");
        }
    }

    /** The first page, with this limit. */
    public static PageCursor firstPage(int limit) {
        return new PageCursor(null, null, limit);
    }

    public boolean first() {
        return at == null;
    }

    /**
     * The page from rows read with one row more than the limit ({@code range(0, limit)}): at most {@code limit} rows,
     * and a cursor naming the last of them when more follow (oauth-common {@link KeysetPage#slice}).
     */
    public <T> KeysetPage.Slice<T> slice(List<T> found, Function<T, OffsetDateTime> at, Function<T, UUID> id) {
        return KeysetPage.firstPage(limit).slice(found, last -> after(at.apply(last), id.apply(last)));
    }

    /**
     * Adds the keyset condition "after the cursor's row" to an HQL where clause, for rows ordered by
     * {@code timeField, id} ascending, or descending when {@code newestFirst}.
     */
    public void restrict(StringBuilder where, Map<String, Object> params, String timeField, boolean newestFirst) {
        if (first()) {
            return;
        }
        String op = newestFirst ? "<" : ">";
        where.append(" and (").append(timeField).append(' ').append(op).append(" :cursorAt or (").append(timeField)
                .append(" = :cursorAt and id ").append(op).append(" :cursorId))");
        params.put("cursorAt", at);
        params.put("cursorId", id);
    }

    /** The cursor naming this row as the last one seen. */
    public static String after(OffsetDateTime at, UUID id) {
        Instant i = at.toInstant();
        long micros = Math.addExact(Math.multiplyExact(i.getEpochSecond(), 1_000_000L), i.getNano() / 1000L);
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((micros + "." + id).getBytes(StandardCharsets.US_ASCII));
    }
}
