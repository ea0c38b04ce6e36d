package io.latchkey.gateway.edge;

import static io.latchkey.gateway.support.RawHttp.exchange;
import static io.latchkey.gateway.support.RawHttp.formPost;
import static io.latchkey.gateway.support.RawHttp.header;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.latchkey.gateway.support.RawHttp.Response;
import io.latchkey.gateway.support.StubServices;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonObject;

/** RFC 9110 §7.6.1: what a Connection header names is for that one hop, in both directions and on both paths. */
@QuarkusTest
@WithTestResource(StubServices.class)
class ConnectionOptionsTest {

    private static final String POLL = "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Adevice_code&device_code=Gm9x";
    /** Two more Connection lines next to RawHttp's own "Connection: close", with whitespace and empty elements. */
    private static final String[] NOMINATING = {"Connection: X-Hop-One ,\t x-hop-two,, ", "Connection: X-Hop-Three",
            "X-Hop-One: 1", "X-Hop-Two: 2", "X-Hop-Three: 3", "X-Kept: kept"};

    @Test
    void theTokenEndpointDropsTheNominatedRequestHeaders() {
        assertOnlyTheKeptOneArrives(exchange(formPost("/oauth/token", POLL, NOMINATING)), "device-service");
        assertOnlyTheKeptOneArrives(exchange(formPost("/oauth/token", "grant_type=client_credentials", NOMINATING)),
                "token-service");
    }

    @Test
    void theGenericProxyDropsTheNominatedRequestHeaders() {
        assertOnlyTheKeptOneArrives(exchange(get("/login", NOMINATING)), "consent-service");
    }

    /** The gateway's own headers are set after the client's options are removed: naming them removes nothing. */
    @Test
    void theGatewaysOwnHeadersCannotBeNamedAway() {
        Response response = exchange(formPost("/oauth/token", POLL,
                "Connection: X-Latchkey-Client-IP, X-Forwarded-For, X-Latchkey-Identity, Content-Length"));
        assertEquals(200, response.status(), response.head());
        JsonObject headers = response.json().getJsonObject("headers");
        assertEquals("127.0.0.1", headers.getString("x-latchkey-client-ip"));
        assertEquals("127.0.0.1", headers.getString("x-forwarded-for"));
        assertEquals(String.valueOf(POLL.length()), headers.getString("content-length"));
        assertEquals(POLL, response.json().getString("body"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/oauth/token", "/login"})
    void theNominatedAnswerHeadersOfAServiceEndAtTheGateway(String path) {
        Response response = exchange(path.equals("/login")
                ? get(path + "?connection_option=X-Service-Hop")
                : formPost(path + "?connection_option=X-Service-Hop", POLL));
        assertEquals(200, response.status(), response.head());
        assertNull(header(response, "X-Service-Hop"), response.head());
        assertEquals("kept", header(response, "X-Service-Kept"), response.head());
    }

    @Test
    void parsingTheListIgnoresWhitespaceEmptyElementsAndTheProtectedNames() {
        MultiMap listing = MultiMap.caseInsensitiveMultiMap()
                .add("Connection", " , a ,\tB,,keep-alive,Close")
                .add("connection", "content-length, Transfer-Encoding, HOST, c, Authorization, X-Request-Id")
                .add("Connection", "X-Forwarded-For,x-latchkey-internal,X-Client-Cert");
        assertEquals(java.util.Set.of("a", "b", "c"), ConnectionOptions.named(listing));
        MultiMap target = MultiMap.caseInsensitiveMultiMap();
        List<String> kept = List.of("d", "Content-Length", "Transfer-Encoding", "Host", "Authorization", "X-Request-Id",
                "X-Forwarded-For", "X-Latchkey-Internal", "X-Client-Cert");
        for (String name : List.of("A", "b", "C")) {
            target.add(name, "v");
        }
        kept.forEach(name -> target.add(name, "v"));
        ConnectionOptions.removeListed(listing, target);
        assertEquals(java.util.Set.copyOf(kept), target.names());
        assertNull(ConnectionOptions.named(MultiMap.caseInsensitiveMultiMap().add("Connection", "keep-alive")));
        assertNull(ConnectionOptions.named(MultiMap.caseInsensitiveMultiMap()));
    }

    /**
     * The limiter counts the client the Authorization header names; a client that could name that header away
     * would be counted as one client and authenticated by the service as another (client_secret_post).
     */
    @Test
    void authorizationAndTheRequestIdCannotBeNamedAway() {
        Response response = exchange(formPost("/oauth/token", "grant_type=client_credentials&client_id=victim",
                "Authorization: Basic cmFuZG9tOng=", "Connection: Authorization, X-Request-Id"));
        assertEquals(200, response.status(), response.head());
        JsonObject headers = response.json().getJsonObject("headers");
        assertEquals("Basic cmFuZG9tOng=", headers.getString("authorization"));
        assertEquals(32, headers.getString("x-request-id").length());
    }

    private static void assertOnlyTheKeptOneArrives(Response response, String service) {
        assertEquals(200, response.status(), response.head());
        JsonObject echo = response.json();
        assertEquals(service, echo.getString("service"));
        JsonObject headers = echo.getJsonObject("headers");
        for (String name : List.of("x-hop-one", "x-hop-two", "x-hop-three", "connection")) {
            assertNull(headers.getValue(name), name + " was forwarded: " + headers);
        }
        assertEquals("kept", headers.getString("x-kept"));
    }

    private static String get(String path, String... headerLines) {
        StringBuilder head = new StringBuilder("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
        for (String line : headerLines) {
            head.append(line).append("\r\n");
        }
        return head.append("\r\n").toString();
    }
}
