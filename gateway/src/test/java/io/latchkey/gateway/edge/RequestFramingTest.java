package io.latchkey.gateway.edge;

import static io.latchkey.gateway.support.RawHttp.exchange;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.latchkey.gateway.support.RawHttp.Response;
import io.latchkey.gateway.support.StubServices;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Request smuggling: a message whose length two parsers could read differently is refused, and its connection is
 * closed, so the bytes after it are never read as a second request (RFC 9112 §6.1, §6.3). Each request is followed
 * by a pipelined one that a lenient parser would answer too; without {@code Connection: close}, so that the
 * gateway's own closing is what ends the exchange (RawHttp reads to the end, a connection left open fails the test).
 */
@QuarkusTest
@WithTestResource(StubServices.class)
class RequestFramingTest {

    /** Per test instance, so per case: JUnit makes a new one for each. */
    private final String MARKER = "smuggled-" + UUID.randomUUID();
    private final String SMUGGLED = "GET /login?" + MARKER + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    private static final String HEAD = "POST /oauth/token HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            + "Content-Type: application/x-www-form-urlencoded\r\n";
    private static final String FORM = "grant_type=client_credentials";

    /**
     * A length two parsers could read differently is a 400 and a closed connection: a Transfer-Encoding that does not
     * end in chunked or that no parser agrees on (RFC 9112 §6.3); a coding the gateway does not implement before
     * chunked (RFC 9112 §6.1 suggests 501; the edge never answers a client's mistake with a 5xx); chunked together
     * with a Content-Length (RFC 9112 §6.1 allows refusing it, Netty does); differing or malformed lengths.
     */
    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {
            "Transfer-Encoding: gzip",
            "Transfer-Encoding: chunked, gzip",
            "Transfer-Encoding: xchunked",
            "Transfer-Encoding : chunked", // RFC 9112 §5.1: whitespace before the colon MUST be rejected
            "Transfer-Encoding: chunked\r\nTransfer-Encoding: gzip",
            "Transfer-Encoding: chunked, chunked",
            "Transfer-Encoding: \"chunked\"",
            "Transfer-Encoding: gzip, chunked",
            "Transfer-Encoding: gzip\r\nTransfer-Encoding: chunked",
            "Transfer-Encoding: identity,chunked",
            "Content-Length: 4\r\nTransfer-Encoding: chunked",
            "Transfer-Encoding: chunked\r\nContent-Length: 400",
            "Content-Length: 29\r\nContent-Length: 30", // RFC 9110 §8.6: differing lengths
            "Content-Length: +29",
            "Content-Length: 0x1d"})
    void anAmbiguousLengthIsRefusedAndTheConnectionClosed(String framing) {
        Response response = exchange(HEAD + framing + "\r\n\r\n" + "1d\r\n" + FORM + "\r\n0\r\n\r\n" + SMUGGLED);
        assertEquals(400, response.status(), response.head());
        assertOneAnswerOnly(response);
    }

    /** A plain chunked request is read as such: the same bytes with an honest framing are answered (control case). */
    @Test
    void aChunkedRequestIsAnsweredAndThePipelinedOneToo() {
        Response response = exchange(HEAD + "Transfer-Encoding: chunked\r\n\r\n" + "1d\r\n" + FORM
                + "\r\n0\r\n\r\n" + "GET /login?honest HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        assertEquals(200, response.status(), response.head());
        assertTrue(response.body().contains("HTTP/1.1 200"), "the second request of the pipeline was answered too");
    }

    /**
     * h2c is off: an Upgrade: h2c request is answered as HTTP/1.1 (200, not 101 Switching Protocols), and so is the
     * request after it on the connection (after a 101 its bytes would have been an invalid HTTP/2 preface).
     */
    @Test
    void anUpgradeToCleartextHttp2IsNotTaken() {
        Response response = exchange("GET /login HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: Upgrade, HTTP2-Settings"
                + "\r\nUpgrade: h2c\r\nHTTP2-Settings: AAMAAABkAARAAAAAAAIAAAAA\r\n\r\n"
                + "GET /login?second HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        assertTrue(response.head().startsWith("HTTP/1.1 200"), response.head());
        assertTrue(response.body().contains("HTTP/1.1 200"), "the second request was answered too: " + response.body());
        assertTrue(response.body().contains("\"headers\""), response.body());
        assertFalse(response.body().contains("http2-settings"), "a header Connection names is not forwarded");
    }

    /** No second answer on the connection, and the pipelined request never reached a service. */
    private void assertOneAnswerOnly(Response response) {
        assertFalse(response.body().contains("HTTP/1.1 "), "a second request was read: " + response.body());
        try {
            Thread.sleep(300); // a forwarded one would be on its way before the first answer was even written
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        assertFalse(StubServices.SEEN_URIS.stream().anyMatch(uri -> uri.contains(MARKER)),
                "the pipelined request reached a service");
    }
}
