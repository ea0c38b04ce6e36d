package io.latchkey.gateway.token;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.latchkey.gateway.proxy.BufferedExchange;
import io.latchkey.gateway.support.RawHttp;
import io.latchkey.gateway.support.StubServices;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;

@QuarkusTest
@WithTestResource(StubServices.class)
class TokenEndpointRoutingTest {

    private static final String FORM = "application/x-www-form-urlencoded";

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Adevice_code&device_code=Gm9x&client_id=latchkey-cli",
            "client_id=latchkey-cli&device_code=Gm9x&grant_type=urn%3aietf%3aparams%3aoauth%3agrant-type%3adevice_code",
            "grant_type=urn:ietf:params:oauth:grant-type:device_code&device_code=Gm9x&client_id=latchkey-cli"})
    void deviceCodeGrantGoesToDeviceServiceWithTheBodyAndHeadersIntact(String form) {
        given().contentType(FORM).header("Authorization", "Basic bGF0Y2hrZXktY2xpOg==").body(form)
                .post("/oauth/token")
                .then().statusCode(200)
                .body("service", equalTo("device-service"))
                .body("method", equalTo("POST"))
                .body("path", equalTo("/oauth/token"))
                .body("body", equalTo(form))
                .body("headers.'content-type'", startsWith(FORM))
                .body("headers.'content-length'", equalTo(String.valueOf(form.length())))
                .body("headers.authorization", equalTo("Basic bGF0Y2hrZXktY2xpOg=="));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "grant_type=authorization_code&code=abc&redirect_uri=https%3A%2F%2Fapp.example%2Fcb&code_verifier=v",
            "grant_type=refresh_token&refresh_token=r1",
            "grant_type=client_credentials&scope=db%3Aread",
            "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Adevice_codeX&device_code=Gm9x",
            "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Adevice_code&grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Adevice_code",
            "device_code=Gm9x&client_id=latchkey-cli",
            ""})
    void everyOtherGrantGoesToTokenServiceWithTheBodyIntact(String form) {
        given().contentType(FORM).body(form)
                .post("/oauth/token")
                .then().statusCode(200)
                .body("service", equalTo("token-service"))
                .body("path", equalTo("/oauth/token"))
                .body("body", equalTo(form));
    }

    /** Issue 9: a malformed body is routed to token-service (whose form reader refuses it), never a gateway 5xx. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"grant_type=%ZZ", "grant_type=%", "&=&", "grant_type=%00", "grant_type=%c3%28",
            "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Adevice_code%zz", "\u00ff\u00fe\u0000garbage"})
    void malformedBodiesAreRoutedToTokenService(String form) {
        given().contentType(FORM).body(form)
                .post("/oauth/token")
                .then().statusCode(200)
                .body("service", equalTo("token-service"));
    }

    /** RFC 9110 §7.6.1: a connection's own headers end at the gateway; the body's length is the gateway's to say. */
    @Test
    void hopByHopHeadersNeverReachTheService() {
        String form = "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Adevice_code&device_code=Gm9x";
        JsonObject headers = new JsonObject(given().contentType(FORM)
                .header("Keep-Alive", "timeout=5").header("Proxy-Authorization", "Basic cHJveHk6c2VjcmV0")
                .header("TE", "trailers").header("Trailer", "X-Checksum").header("Proxy-Connection", "keep-alive")
                .header("X-Custom", "kept").body(form)
                .post("/oauth/token")
                .then().statusCode(200).body("service", equalTo("device-service"))
                .extract().jsonPath().getMap("headers"));
        for (String name : new String[] {"keep-alive", "proxy-authorization", "te", "trailer", "proxy-connection"}) {
            assertNull(headers.getValue(name), name + " was forwarded");
        }
        assertEquals("kept", headers.getString("x-custom"));
        assertEquals(String.valueOf(form.length()), headers.getString("content-length"));
        // the service's own authority, not the client's Host
        assertTrue(headers.getString("host").startsWith("127.0.0.1:"), headers.getString("host"));
    }

    /** A service's answer is read whole, so it is bounded: a runaway one is a 503 and a closed connection. */
    @Test
    void anAnswerOverTheLimitIsA503AndOneUnderItArrivesWhole() {
        int under = BufferedExchange.MAX_ANSWER - 64 * 1024;
        given().contentType(FORM).body("grant_type=client_credentials")
                .post("/oauth/token?pad=" + under)
                .then().statusCode(200).body("pad.length()", equalTo(under));
        given().contentType(FORM).body("grant_type=client_credentials")
                .post("/oauth/token?pad=" + (BufferedExchange.MAX_ANSWER + 1))
                .then().statusCode(503)
                .header("Retry-After", "1")
                .body("error", equalTo("temporarily_unavailable"));
        // the pool goes on serving
        given().contentType(FORM).body("grant_type=client_credentials")
                .post("/oauth/token")
                .then().statusCode(200).body("service", equalTo("token-service"));
    }

    /** RFC 9110 §6.6.1: the edge dates its answers (IMF-fixdate); the security headers and the request id come along. */
    @Test
    void theAnswerIsDatedAndCarriesTheEdgeHeaders() {
        var response = given().contentType(FORM).body("grant_type=client_credentials")
                .post("/oauth/token")
                .then().statusCode(200).body("service", equalTo("token-service"))
                .extract().response();
        assertTrue(response.getHeader("Date").matches("[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT"),
                response.getHeader("Date"));
        assertEquals("nosniff", response.getHeader("X-Content-Type-Options"));
        assertEquals("no-referrer", response.getHeader("Referrer-Policy"));
        assertEquals(32, response.getHeader("X-Request-Id").length());
        assertEquals(1, response.getHeaders().getValues("Content-Length").size());
        assertEquals(String.valueOf(response.asByteArray().length), response.getHeader("Content-Length"));
        assertNull(response.getHeader("Transfer-Encoding"));
    }

    @Test
    void aServicesOwnReferrerPolicyIsKept() {
        given().contentType(FORM).body("grant_type=client_credentials")
                .post("/oauth/token?referrer_policy=same-origin")
                .then().statusCode(200).header("Referrer-Policy", "same-origin");
    }

    @Test
    void otherMethodsOnTheTokenEndpointGoToTokenService() {
        given().get("/oauth/token")
                .then().statusCode(200)
                .body("service", equalTo("token-service"))
                .body("method", equalTo("GET"));
    }

    @Test
    void aDeviceCodePollSentInSeveralChunksIsReassembledAndRouted() {
        String first = "grant_type=urn%3Aietf%3Aparams%3Aoauth%3A";
        String second = "grant-type%3Adevice_code&device_code=Gm9x&client_id=latchkey-cli";
        RawHttp.Response response = RawHttp.exchange(
                "POST /oauth/token HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: " + FORM
                        + "\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n",
                RawHttp.chunk(first), RawHttp.chunk(second), RawHttp.lastChunk());
        assertEquals(200, response.status(), response.body());
        JsonObject echo = response.json();
        assertEquals("device-service", echo.getString("service"));
        assertEquals(first + second, echo.getString("body"));
    }

    @Test
    void aClientThatExpects100ContinueGetsItOnceAndTheServiceGetsTheBodyWithoutTheExpectation() {
        String form = "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Adevice_code&device_code=Gm9x";
        RawHttp.Response response = RawHttp.exchange(
                "POST /oauth/token HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: " + FORM + "\r\nContent-Length: "
                        + form.length() + "\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n",
                form);
        assertEquals(100, response.status(), response.head());
        String finalResponse = response.body();
        assertTrue(finalResponse.startsWith("HTTP/1.1 200"), finalResponse);
        assertFalse(finalResponse.contains("100 Continue"), finalResponse);
        JsonObject echo = new JsonObject(finalResponse.substring(finalResponse.indexOf("\r\n\r\n") + 4));
        assertEquals("device-service", echo.getString("service"));
        assertEquals(form, echo.getString("body"));
        assertNull(echo.getJsonObject("headers").getString("expect"));
    }

    @Test
    void anOversizedBodyAnnouncedByContentLengthIsRejectedWith413() {
        String form = "grant_type=refresh_token&refresh_token=" + "a".repeat(17 * 1024);
        given().contentType(FORM).body(form)
                .post("/oauth/token")
                .then().statusCode(413)
                .contentType(startsWith("application/json"))
                .header("Cache-Control", "no-store")
                .body("error", equalTo("invalid_request"))
                .body("error_description", equalTo("The request body is too large."));
    }

    @Test
    void anOversizedChunkedBodyIsRejectedWith413() {
        String piece = "a".repeat(4096);
        RawHttp.Response response = RawHttp.exchange(
                // no Connection: close: the gateway closes by itself (RFC 9112 §9.6), or RawHttp would wait for it
                "POST /oauth/token HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: " + FORM
                        + "\r\nTransfer-Encoding: chunked\r\n\r\n",
                RawHttp.chunk("grant_type=refresh_token&refresh_token="), RawHttp.chunk(piece), RawHttp.chunk(piece),
                RawHttp.chunk(piece), RawHttp.chunk(piece), RawHttp.chunk(piece), RawHttp.lastChunk());
        assertEquals(413, response.status(), response.head());
        assertEquals("invalid_request", response.json().getString("error"));
    }

    @Test
    void aBodyExactlyAtTheLimitIsForwarded() {
        String prefix = "grant_type=refresh_token&refresh_token=";
        String form = prefix + "a".repeat(16 * 1024 - prefix.length());
        given().contentType(FORM).body(form)
                .post("/oauth/token")
                .then().statusCode(200)
                .body("service", equalTo("token-service"))
                .body("body", equalTo(form));
    }
}
