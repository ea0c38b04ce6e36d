package io.latchkey.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.latchkey.common.error.OAuthError;
import io.latchkey.common.error.OAuthException;

/** The one keyset pager: limit and cursor of every list route, and the page it answers. */
class KeysetPageTest {

    @ParameterizedTest(name = "query \"{0}\" reads limit {1}, cursor {2}")
    @CsvSource(value = {
            "'',                     50,  NULL",
            "limit=1,                1,   NULL",
            "limit=100,              100, NULL",
            "limit=7&cursor=c-1,     7,   c-1",
            "cursor=MTcwMC5hYmM,     50,  MTcwMC5hYmM",
            // RFC 6749 §3.1: a parameter without a value is treated as omitted
            "limit=,                 50,  NULL",
            "cursor=,                50,  NULL",
    }, nullValues = "NULL")
    void whenWellFormedThenRead(String query, int limit, String cursor) {
        KeysetPage page = KeysetPage.of(Form.query(query));
        assertEquals(limit, page.limit());
        assertEquals(cursor, page.cursor());
        assertEquals(cursor == null, page.first());
    }

    @ParameterizedTest(name = "query \"{0}\" is invalid_request")
    @ValueSource(strings = {"limit=0", "limit=101", "limit=-1", "limit=abc", "limit=1&limit=2",
            "cursor=a%20b", "cursor=%C3%A9", "cursor=a&cursor=b"})
    void whenMalformedThenInvalidRequest(String query) {
        OAuthException e = assertThrows(OAuthException.class, () -> KeysetPage.of(Form.query(query)));
        assertEquals(OAuthError.INVALID_REQUEST, e.error());
    }

    @Test
    void anOverlongCursorIsInvalidRequest() {
        assertThrows(OAuthException.class, () -> KeysetPage.of(Form.query("cursor=" + "a".repeat(KeysetPage.MAX_CURSOR + 1))));
        assertEquals(KeysetPage.MAX_CURSOR, KeysetPage.of(Form.query("cursor=" + "a".repeat(KeysetPage.MAX_CURSOR))).cursor().length());
    }

    @ParameterizedTest(name = "{0} rows read for a limit of 3 → {1} shown, next cursor {2}")
    @CsvSource(value = {"0, 0, NULL", "2, 2, NULL", "3, 3, NULL", "4, 3, r3"}, nullValues = "NULL")
    void whenOneRowMoreThanTheLimitIsReadThenThereIsANextPage(int read, int shown, String next) {
        List<String> rows = java.util.stream.IntStream.rangeClosed(1, read).mapToObj(i -> "r" + i).toList();
        KeysetPage.Slice<String> slice = KeysetPage.firstPage(3).slice(rows, r -> r);
        assertEquals(shown, slice.items().size());
        assertEquals(next, slice.nextCursor());
        if (next == null) {
            assertNull(slice.nextCursor());
        }
    }
}
