package io.latchkey.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;

/** The platform as a whole, through the gateway: metadata, JWKS, signed tokens, and restarts. */
@org.junit.jupiter.api.Order(1)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FoundationE2ETest {

    static Platform platform;

    @BeforeAll
    static void platform() {
        platform = Platform.get();
    }

    @Test
    @Order(1)
    void metadataAndJwksAreServedThroughTheGatewayAndATokenVerifiesAgainstThem() throws Exception {
        String base = platform.baseUrl();
        given().get(base + "/.well-known/oauth-authorization-server")
                .then().statusCode(200)
                .body("issuer", equalTo(base))
                .body("jwks_uri", equalTo(base + "/oauth/jwks"));
        JWKSet jwks = JWKSet.parse(given().get(base + "/oauth/jwks").then().statusCode(200).extract().asString());

        SignedJWT jwt = SignedJWT.parse(clientCredentialsToken(base));
        ECKey key = (ECKey) jwks.getKeyByKeyId(jwt.getHeader().getKeyID());
        assertNotNull(key, "the token's kid is published in the JWKS");
        assertTrue(jwt.verify(new ECDSAVerifier(key)), "signature verifies against the published key");
        assertEquals(JOSEObjectType.class, jwt.getHeader().getType().getClass());
        assertEquals("at+jwt", jwt.getHeader().getType().getType());
        assertEquals(base, jwt.getJWTClaimsSet().getIssuer());
    }

    @Test
    @Order(2)
    void restartingTokenServiceKeepsTheSigningKeyAndOldTokensStillVerify() throws Exception {
        String base = platform.baseUrl();
        SignedJWT before = SignedJWT.parse(clientCredentialsToken(base));
        String kid = before.getHeader().getKeyID();

        platform.restart(platform.token);

        JWKSet jwks = JWKSet.parse(given().get(base + "/oauth/jwks").then().statusCode(200).extract().asString());
        assertTrue(before.verify(new ECDSAVerifier((ECKey) jwks.getKeyByKeyId(kid))), "pre-restart token verifies");
        SignedJWT after = SignedJWT.parse(clientCredentialsToken(base));
        assertEquals(kid, after.getHeader().getKeyID(), "same kid after restart");
    }

    @Test
    @Order(3)
    void everyServiceIsLiveAndReady() {
        for (ServiceProcess s : new ServiceProcess[] {platform.token, platform.device, platform.consent, platform.gateway,
                platform.gateway2}) {
            given().get(s.url() + "/q/health/live").then().statusCode(200);
            given().get(s.url() + "/q/health/ready").then().log().ifValidationFails()
                    .statusCode(200).body("status", equalTo("UP"));
        }
    }

    @Test
    @Order(4)
    void internalAndManagementRoutesAreNotReachableThroughTheGateway() {
        given().get(platform.baseUrl() + "/internal/clients/" + Platform.CLI).then().statusCode(404);
        given().header("X-Latchkey-Internal", Platform.INTERNAL_SECRET)
                .get(platform.baseUrl() + "/internal/clients/" + Platform.CLI).then().statusCode(404);
    }

    @Test
    @Order(5)
    void eachServicePublishesItsOpenApiDocumentThroughTheGateway() {
        for (String svc : new String[] {"token-service", "device-service", "consent-service"}) {
            given().get(platform.baseUrl() + "/openapi/" + svc + "?format=json")
                    .then().statusCode(200).body("openapi", not(emptyOrNullString()));
        }
        given().get(platform.baseUrl() + "/.well-known/oauth-authorization-server")
                .then().body("grant_types_supported", hasItem("urn:ietf:params:oauth:grant-type:device_code"));
    }

    /** The packaged services, started as processes like run.sh starts them, run on Netty's epoll transport (issue 17). */
    @Test
    @Order(6)
    @EnabledOnOs(value = OS.LINUX, architectures = {"amd64", "aarch64"})
    void everyServiceRunsOnTheEpollTransport() throws Exception {
        for (ServiceProcess s : new ServiceProcess[] {platform.token, platform.device, platform.consent, platform.gateway,
                platform.gateway2}) {
            // the log is appended to across runs and restarts: the last report is the running process's
            String log = Files.readString(s.logFile().toPath());
            int last = log.lastIndexOf("Network transport: ");
            assertTrue(last >= 0 && log.startsWith("Network transport: epoll (native)", last),
                    () -> s.url() + " is not on epoll; see " + s.logFile());
        }
    }

    static String clientCredentialsToken(String base) {
        return given().auth().preemptive().basic(Platform.PARTNER_WEB, Platform.PARTNER_WEB_SECRET)
                .formParam("grant_type", "client_credentials").formParam("scope", "db:read")
                .post(base + "/oauth/token")
                .then().statusCode(200).extract().path("access_token");
    }
}
