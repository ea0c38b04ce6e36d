package io.latchkey.common.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.latchkey.common.revocation.RevocationKind;

/** The revocation news format (docs/internal-api.md, "Revocations"): what the writer sends the reader reads back. */
class RevocationNewsTest {

    @ParameterizedTest(name = "{0} news reads back as written: \"{1}\"")
    @CsvSource({
            "JTI,    'j-1 1700000000000',          j-1, 0,             1700000000000",
            "FAMILY, 'f-1 1700000000001',          f-1, 0,             1700000000001",
            "GRANT,  'g-1',                        g-1, 0,             0",
            "CLIENT, 'c-1 1690000000000 1700000000002', c-1, 1690000000000, 1700000000002",
    })
    void whenWrittenThenReadBack(RevocationKind kind, String message, String id, long revokedAt, long expiry) {
        RevocationNews news = new RevocationNews(kind, id, revokedAt, expiry);
        assertEquals(message, news.message());
        assertEquals(news, RevocationNews.parse(kind, message));
    }

    @ParameterizedTest(name = "malformed {0} news is ignored: \"{1}\"")
    @CsvSource({
            "CLIENT, 'c-1'",
            "CLIENT, 'c-1 12'",
            "CLIENT, 'c-1 x 12'",
            "CLIENT, 'c-1 1 2 3'",
            "JTI,    ''",
            "JTI,    '   '",
    })
    void whenMalformedThenNull(RevocationKind kind, String message) {
        assertNull(RevocationNews.parse(kind, message));
    }

    @ParameterizedTest(name = "a {0} message with an unreadable expiry keeps the id, expiry left to the reader")
    @CsvSource({"JTI", "FAMILY", "GRANT"})
    void whenExpiryUnreadableThenZero(RevocationKind kind) {
        assertEquals(new RevocationNews(kind, "x", 0, 0), RevocationNews.parse(kind, "x soon"));
    }

    @ParameterizedTest(name = "channel {1} is {0}")
    @CsvSource({"GRANT, lk:revoked-grants", "FAMILY, lk:revoked-families", "JTI, lk:revoked-jtis",
            "CLIENT, lk:revoked-clients"})
    void eachChannelNamesItsKind(RevocationKind kind, String channel) {
        assertEquals(kind, RevocationNews.kindOfChannel("lk:", channel));
        assertEquals(channel, new RevocationNews(kind, "x", 0, 0).channel("lk:"));
    }
}
