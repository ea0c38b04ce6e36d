package io.latchkey.gateway.proxy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.latchkey.gateway.support.RawHttp;
import io.latchkey.gateway.support.StubServices;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;

/** Issue 9: a form body is read whole before it takes an upstream connection, so stalled bodies starve nothing. */
@QuarkusTest
@WithTestResource(StubServices.class)
@TestProfile(BufferedBodyTest.TwoConnections.class)
class BufferedBodyTest {

    /** Two upstream connections per service: three stalled bodies would take them all if they were forwarded. */
    public static class TwoConnections implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("latchkey.gateway.pool-size", "2", "latchkey.gateway.max-wait-queue", "0");
        }
    }

    @Test
    void stalledBodiesHoldNoUpstreamConnection() throws IOException {
        List<Socket> stalled = new ArrayList<>();
        try {
            for (int i = 0; i < 10; i++) {
                Socket s = new Socket("127.0.0.1", RestAssured.port);
                OutputStream out = s.getOutputStream();
                // announces 100 bytes, sends 13, then nothing
                out.write(("POST /login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                        + "Content-Length: 100\r\n\r\nreturn_to=%zz").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                stalled.add(s);
            }
            long start = System.nanoTime();
            given().redirects().follow(false).get("/login").then().statusCode(200).body("service", equalTo("consent-service"));
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(millis < 2000, "GET /login took " + millis + " ms");
        } finally {
            for (Socket s : stalled) {
                s.close();
            }
        }
    }

    @Test
    void aBufferedFormIsForwardedIntact() {
        String form = "username=demo%40latchkey.dev&password=p+w&csrf=abc";
        given().contentType("application/x-www-form-urlencoded").body(form).post("/login")
                .then().statusCode(200)
                .body("service", equalTo("consent-service"))
                .body("body", equalTo(form))
                .body("headers.'content-length'", equalTo(String.valueOf(form.length())));
    }

    @Test
    void aChunkedFormIsReassembledAndForwarded() {
        RawHttp.Response r = RawHttp.exchange("POST /device HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: "
                        + "application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n",
                RawHttp.chunk("user_code=BCDF"), RawHttp.chunk("-GHJK&csrf=x"), RawHttp.lastChunk());
        assertEquals(200, r.status(), r.body());
        assertEquals("user_code=BCDF-GHJK&csrf=x", r.json().getString("body"));
    }

    @Test
    void aBodyOverTheLimitIs413FromTheGateway() {
        RawHttp.Response r = RawHttp.exchange("POST /login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: "
                + "application/x-www-form-urlencoded\r\nContent-Length: 40000\r\n\r\n", "x".repeat(40_000));
        // RFC 9112 §9.6: no Connection: close from the client, the gateway closes by itself (RawHttp reads to the end)
        assertEquals(413, r.status(), r.body());
        assertEquals("close", RawHttp.header(r, "Connection"));
        assertTrue(r.body().contains("invalid_request"), r.body());
    }
}
