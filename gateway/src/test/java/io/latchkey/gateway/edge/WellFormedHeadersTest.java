package io.latchkey.gateway.edge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.latchkey.gateway.support.RawHttp;
import io.latchkey.gateway.support.StubServices;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** RFC 9112 §3.2 and RFC 9110 §5.5: no Host, two Hosts or a header value HTTP does not allow is a 400 at the edge. */
@QuarkusTest
@WithTestResource(StubServices.class)
class WellFormedHeadersTest {

    @org.junit.jupiter.api.Test
    void anHttp11RequestWithoutHostIsRefusedByTheHttpLayer() {
        // Vert.x answers this one itself, before any route runs
        assertEquals(400, RawHttp.exchange("GET /login HTTP/1.1\r\nConnection: close\r\n\r\n").status());
        assertEquals(400, RawHttp.exchange(
                "GET /login HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Junk: a\u0001b\r\nConnection: close\r\n\r\n").status());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "GET /device HTTP/1.0\r\n\r\n",
            "GET /login HTTP/1.1\r\nHost: a\r\nHost: b\r\nConnection: close\r\n\r\n",
            "POST /oauth/token HTTP/1.1\r\nHost: \r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
            // RFC 9110 §5.5: obs-text and control characters in a field value
            "GET /login HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: \u00e9\u00ff\r\nConnection: close\r\n\r\n"})
    void requestsWithoutOneHostAre400(String request) {
        RawHttp.Response r = RawHttp.exchange(request);
        assertEquals(400, r.status(), r.head());
        assertTrue(r.body().contains("invalid_request"), r.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET /login HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"})
    void aRequestWithItsHostIsRouted(String request) {
        assertEquals(200, RawHttp.exchange(request).status());
    }
}
