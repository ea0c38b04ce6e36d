package io.latchkey.gateway.edge;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;

import io.latchkey.gateway.support.StubServices;
import io.latchkey.gateway.support.TrustedLoopback;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;

@QuarkusTest
@TestProfile(TrustedLoopback.class)
@WithTestResource(StubServices.class)
class TrustedProxyTest {

    @Test
    void fromATrustedProxyTheChainIsKeptAndThePeerAppended() {
        ForwardingHeadersTest.spoofed(given())
                .get("/login")
                .then().statusCode(200)
                .body("headers.'x-forwarded-for'", equalTo("203.0.113.9, 127.0.0.1"))
                .body("headers.'x-forwarded-proto'", equalTo("https"))
                .body("headers.'x-forwarded-host'", equalTo("evil.example"))
                .body("headers.'x-forwarded-port'", equalTo("443"))
                .body("headers.forwarded", equalTo("for=203.0.113.9;proto=https"))
                .body("headers.'x-ssl-client-cert'", equalTo("MIIB..."));
    }

    @Test
    void aChainSentOnSeveralHeaderLinesIsKeptWhole() {
        given().header("X-Forwarded-For", "198.51.100.1")
                .header("X-Forwarded-For", "203.0.113.9")
                .get("/login")
                .then().statusCode(200)
                .body("headers.'x-forwarded-for'", equalTo("198.51.100.1, 203.0.113.9, 127.0.0.1"));
    }

    @Test
    void aTrustedProxyWithoutAChainGetsThePeerAlone() {
        given().get("/login")
                .then().statusCode(200)
                .body("headers.'x-forwarded-for'", equalTo("127.0.0.1"))
                .body("headers.'x-forwarded-host'", equalTo("127.0.0.1:" + RestAssured.port));
    }

    @Test
    void aForgedLeftmostForwardedForBehindAnAppendingProxyIsNotTheClientAddress() {
        // the client wrote 198.51.100.66; the trusted proxy (the test client on loopback) appended the peer it saw
        given().header("X-Forwarded-For", "198.51.100.66, 203.0.113.9")
                .header("X-Latchkey-Client-IP", "198.51.100.66")
                .get("/login")
                .then().statusCode(200)
                .body("headers.'x-latchkey-client-ip'", equalTo("203.0.113.9"))
                .body("headers.'x-latchkey-identity'", equalTo("dev-identity-secret-0123456789abcdef"));
    }

    @Test
    void trustedHopsAreSkippedAndAMalformedEntryStopsTheWalk() {
        given().header("X-Forwarded-For", "198.51.100.66, 203.0.113.9").header("X-Forwarded-For", "127.0.0.5")
                .get("/login")
                .then().statusCode(200)
                .body("headers.'x-latchkey-client-ip'", equalTo("203.0.113.9"));
        given().header("X-Forwarded-For", "198.51.100.66, unknown, 127.0.0.5")
                .get("/login")
                .then().statusCode(200)
                .body("headers.'x-latchkey-client-ip'", equalTo("127.0.0.5"));
    }

    @Test
    void evenATrustedProxyCannotSendTheInternalSecret() {
        given().header("X-Latchkey-Internal", "dev-internal-secret")
                .get("/login")
                .then().statusCode(200)
                .body("headers.'x-latchkey-internal'", nullValue());
    }
}
