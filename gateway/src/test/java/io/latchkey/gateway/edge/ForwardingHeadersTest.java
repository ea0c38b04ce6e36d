package io.latchkey.gateway.edge;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;

import io.latchkey.gateway.support.StubServices;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
@WithTestResource(StubServices.class)
class ForwardingHeadersTest {

    @Test
    void fromAnUntrustedPeerForwardingAndClientCertificateHeadersAreReplacedByTheGatewaysOwn() {
        spoofed(given())
                .get("/account/authorized-apps")
                .then().statusCode(200)
                .body("headers.'x-forwarded-for'", equalTo("127.0.0.1"))
                .body("headers.'x-forwarded-proto'", equalTo("http"))
                .body("headers.'x-forwarded-host'", equalTo("127.0.0.1:" + RestAssured.port))
                .body("headers.'x-forwarded-port'", equalTo(String.valueOf(RestAssured.port)))
                .body("headers.forwarded", nullValue())
                .body("headers.'x-real-ip'", nullValue())
                .body("headers.'x-forwarded-prefix'", nullValue())
                .body("headers.'x-client-cert'", nullValue())
                .body("headers.'x-ssl-client-cert'", nullValue())
                .body("headers.'x-ssl-client-verify'", nullValue())
                .body("headers.'x-forwarded-client-cert'", nullValue());
    }

    @Test
    void fromAnUntrustedPeerTheClientAddressIsThePeerWhateverTheHeadersSay() {
        spoofed(given()).header("X-Latchkey-Client-IP", "198.51.100.66")
                .header("X-Latchkey-Identity", "guess")
                .get("/login")
                .then().statusCode(200)
                .body("headers.'x-latchkey-client-ip'", equalTo("127.0.0.1"))
                .body("headers.'x-latchkey-identity'", equalTo("dev-identity-secret-0123456789abcdef"));
    }

    @Test
    void theInternalSecretAndIdentityHeadersAreAlwaysDropped() {
        given().header("X-Latchkey-Internal", "dev-internal-secret")
                .header("x-latchkey-subject", "alice")
                .get("/account/authorized-apps")
                .then().statusCode(200)
                .body("headers.'x-latchkey-internal'", nullValue())
                .body("headers.'x-latchkey-subject'", nullValue());
    }

    @Test
    void theTokenEndpointPathIsSanitizedToo() {
        spoofed(given()).header("X-Latchkey-Internal", "dev-internal-secret")
                .contentType("application/x-www-form-urlencoded")
                .body("grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Adevice_code&device_code=Gm9x")
                .post("/oauth/token")
                .then().statusCode(200)
                .body("service", equalTo("device-service"))
                .body("headers.'x-latchkey-internal'", nullValue())
                .body("headers.'x-forwarded-for'", equalTo("127.0.0.1"))
                .body("headers.forwarded", nullValue());
    }

    @Test
    void theServiceSeesItsOwnHostAndTheOriginalOneInXForwardedHost() {
        given().header("Host", "latchkey.example:" + RestAssured.port)
                .get("/login")
                .then().statusCode(200)
                .body("headers.host", not(equalTo("latchkey.example:" + RestAssured.port)))
                .body("headers.'x-forwarded-host'", equalTo("latchkey.example:" + RestAssured.port));
    }

    static RequestSpecification spoofed(RequestSpecification request) {
        return request
                .header("X-Forwarded-For", "203.0.113.9")
                .header("Forwarded", "for=203.0.113.9;proto=https")
                .header("X-Real-IP", "203.0.113.9")
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "evil.example")
                .header("X-Forwarded-Port", "443")
                .header("X-Forwarded-Prefix", "/evil")
                .header("X-Client-Cert", "MIIB...")
                .header("X-SSL-Client-Cert", "MIIB...")
                .header("X-SSL-Client-Verify", "SUCCESS")
                .header("X-Forwarded-Client-Cert", "Hash=abc");
    }
}
