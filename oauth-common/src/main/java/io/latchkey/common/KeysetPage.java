package io.latchkey.common;

import java.util.List;
import java.util.function.Function;

import io.latchkey.common.error.OAuthError;

/**
 * Keyset pagination of every list route (admin API, console, {@code /internal/clients}): {@code limit} (1 to
 * {@value #MAX_LIMIT}, default {@value #DEFAULT_LIMIT}) and an opaque {@code cursor}, the {@code next_cursor} of the
 * previous page, which names its last row. A route reads both with {@link #of}, asks its store for {@code limit + 1}
 * rows after the cursor, and answers {@link #slice}: at most {@code limit} rows and a cursor while more follow.
 * What a cursor encodes (a client id, a time and an id) is the route's own.
 *
 * @param cursor the previous page's {@code next_cursor}, or null for the first page
 * @param limit  how many rows a page holds
 */
public record KeysetPage(String cursor, int limit) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 100;
    /** Longer than any cursor Latchkey hands out. */
    public static final int MAX_CURSOR = 128;

    /** Reads {@code limit} and {@code cursor} from a query; 400 {@code invalid_request} when either is malformed. */
    public static KeysetPage of(Form query) {
        String limitValue = query.optional("limit");
        int limit = DEFAULT_LIMIT;
        if (limitValue != null) {
            try {
                limit = Integer.parseInt(limitValue);
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > MAX_LIMIT) {
                throw OAuthError.INVALID_REQUEST.with("limit must be a number from 1 to " + MAX_LIMIT + ".");
            }
        }
        String cursor = query.optional("cursor");
        if (cursor != null && (cursor.isEmpty() || cursor.length() > MAX_CURSOR || !printable(cursor))) {
            throw OAuthError.INVALID_REQUEST.with("cursor must be the next_cursor of a previous page.");
        }
        return new KeysetPage(cursor, limit);
    }

    /** The first page, with this limit. */
    public static KeysetPage firstPage(int limit) {
        return new KeysetPage(null, limit);
    }

    public boolean first() {
        return cursor == null;
    }

    /** One page of rows and the cursor of the next page (null on the last page). */
    public record Slice<T>(List<T> items, String nextCursor) {
    }

    /**
     * The page from rows read with one row more than the limit: at most {@code limit} rows, and the cursor naming the
     * last of them ({@code cursorOf}) when more follow.
     */
    public <T> Slice<T> slice(List<T> found, Function<T, String> cursorOf) {
        if (found.size() <= limit) {
            return new Slice<>(List.copyOf(found), null);
        }
        List<T> shown = List.copyOf(found.subList(0, limit));
        return new Slice<>(shown, cursorOf.apply(shown.get(shown.size() - 1)));
    }

    /** Printable ASCII without spaces. */
    private static boolean printable(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= 0x20 || c >= 0x7f) {
                return false;
            }
        }
        return true;
    }
}
