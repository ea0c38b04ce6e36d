package io.latchkey.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 15, logs an operator can follow: the gateway gives each request an X-Request-Id, returns it, forwards it, and
 * the gateway's and the service's log lines of that request both carry it. Inbound ids are kept only from a trusted
 * proxy and only when well formed; hostile ones (oversized, control characters, repeated) are replaced, never echoed.
 */
class RequestIdE2ETest {

    static final Pattern FRESH = Pattern.compile("[0-9a-f]{32}");

    static Platform platform;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void platform() {
        platform = Platform.get();
    }

    @Test
    void oneRequestsIdIsInTheGatewaysAndTheServicesLogLines() throws Exception {
        HttpResponse<String> signIn = http.send(ObservabilityE2ETest.failedSignIn(http, platform.baseUrl()),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, signIn.statusCode());
        String id = signIn.headers().firstValue("X-Request-Id").orElseThrow();
        assertTrue(FRESH.matcher(id).matches(), id);
        // the gateway's request line and consent-service's security event (JSON, the id in its MDC)
        awaitLogLine(platform.gateway, id, "POST /login");
        awaitLogLine(platform.consent, id, "Sign-in failed");

        // a token: the gateway's line and token-service's issuance event carry the same id
        String tokenId = given().auth().preemptive().basic(Platform.PARTNER_WEB, Platform.PARTNER_WEB_SECRET)
                .formParam("grant_type", "client_credentials").post(platform.baseUrl() + "/oauth/token")
                .then().statusCode(200).extract().header("X-Request-Id");
        awaitLogLine(platform.gateway, tokenId, "POST /oauth/token");
        awaitLogLine(platform.token, tokenId, "Token issued");
    }

    @Test
    void everyAnswerCarriesAFreshIdEvenA404() {
        String a = given().get(platform.baseUrl() + "/no-such-page").then().statusCode(404).extract().header("X-Request-Id");
        String b = given().get(platform.baseUrl() + "/no-such-page").then().statusCode(404).extract().header("X-Request-Id");
        assertTrue(FRESH.matcher(a).matches(), a);
        assertNotEquals(a, b);
    }

    @Test
    void aClientsOwnIdIsReplacedButATrustedProxysWellFormedOneIsKept() {
        String mine = "partner-trace-0001";
        // the first gateway trusts no proxy: a client cannot choose the id other people's log lines are found by
        String replaced = given().header("X-Request-Id", mine).get(platform.baseUrl() + "/oauth/jwks")
                .then().statusCode(200).extract().header("X-Request-Id");
        assertNotEquals(mine, replaced);
        assertTrue(FRESH.matcher(replaced).matches(), replaced);
        // the second gateway sits behind a trusted proxy on 127.0.0.1 (Platform): its well-formed id is kept
        String kept = given().header("X-Request-Id", mine).get(platform.secondGatewayUrl() + "/oauth/jwks")
                .then().statusCode(200).extract().header("X-Request-Id");
        assertEquals(mine, kept);
    }

    @Test
    void hostileIdsFromATrustedProxyAreReplacedNotEchoed() {
        String[] hostile = {
                "x".repeat(65), // over 64 characters
                "a".repeat(4000), // far over
                "short", // under 8
                "has space inside-1234",
                "quote\"and<angle>1234",
                "line%0d%0aInjected: 1",
                "ünïcödé-identifier-1"};
        int port = port(platform.secondGatewayUrl());
        for (String value : hostile) {
            RawExchange.Answer answer = RawExchange.send(port, request("X-Request-Id: " + value + "\r\n"), 2000);
            assertAnswered(answer, value);
        }
        // control characters in the value, and the header twice (two different ids): replaced
        RawExchange.Answer control = RawExchange.send(port, request("X-Request-Id: abc\u0001defghij\r\n"), 2000);
        assertTrue(control.status() == 200 || control.status() == 400, control.head());
        assertTrue(!control.head().contains("abc\u0001"), control.head());
        RawExchange.Answer twice = RawExchange.send(port,
                request("X-Request-Id: first-id-00001\r\nX-Request-Id: second-id-0002\r\n"), 2000);
        assertAnswered(twice, "first-id-00001");
        assertTrue(!twice.head().contains("second-id-0002"), twice.head());
    }

    /** Answered at once: 200 with a fresh id, or a 400 from the edge's header check; the value never echoed. */
    private static void assertAnswered(RawExchange.Answer answer, String sent) {
        assertTrue(answer.status() == 200 || answer.status() == 400, answer.head());
        assertTrue(answer.millis() < 2000, "answered in " + answer.millis() + " ms");
        assertTrue(!answer.head().contains(sent) && !answer.body().contains(sent), "echoed: " + answer.head());
        if (answer.status() == 200) {
            String id = header(answer.head(), "X-Request-Id");
            assertTrue(id != null && FRESH.matcher(id).matches(), "fresh id instead of " + sent + ": " + answer.head());
        }
    }

    private static byte[] request(String extraHeaders) {
        return ("GET /oauth/jwks HTTP/1.1\r\nHost: localhost\r\n" + extraHeaders + "Connection: close\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String header(String head, String name) {
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                return line.substring(colon + 1).trim();
            }
        }
        return null;
    }

    private static int port(String url) {
        return URI.create(url).getPort();
    }

    /** Waits (logs are written asynchronously by the process) for a line with both {@code id} and {@code text}. */
    private static void awaitLogLine(ServiceProcess s, String id, String text) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            for (String line : Files.readAllLines(s.logFile().toPath(), StandardCharsets.UTF_8)) {
                if (line.contains(id) && line.contains(text)) {
                    return;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError(s.name + " has no log line with " + id + " and \"" + text + "\"");
    }
}
