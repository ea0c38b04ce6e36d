package io.latchkey.gateway.proxy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import io.latchkey.gateway.support.BackendsDown;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(BackendsDown.class)
class UpstreamDownTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/login", "/oauth/jwks", "/oauth/device_authorization", "/openapi/token-service"})
    void anUnreachableServiceGives503TemporarilyUnavailableJson(String path) {
        given().get(path)
                .then().statusCode(503)
                .contentType(startsWith("application/json"))
                .header("Cache-Control", "no-store")
                .header("Retry-After", "1")
                .header("X-Content-Type-Options", "nosniff")
                .body("error", equalTo("temporarily_unavailable"))
                .body("error_description", notNullValue());
    }

    @Test
    void aDeviceCodePollWhileDeviceServiceIsDownGets503() {
        given().contentType("application/x-www-form-urlencoded")
                .body("grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Adevice_code&device_code=Gm9x")
                .post("/oauth/token")
                .then().statusCode(503)
                .header("Retry-After", "1")
                .body("error", equalTo("temporarily_unavailable"));
    }

    @Test
    void withoutTheRevocationFeedAProtectedRouteFailsClosedWith503() {
        // a revoked token must not slip through while this replica cannot hear revocations
        given().header("Authorization", "Bearer " + io.latchkey.gateway.support.TestTokens.sign(
                        io.latchkey.gateway.support.TestTokens.claims()))
                .get("/api/v1/me")
                .then().statusCode(503)
                .header("Retry-After", "1")
                .body("error", equalTo("temporarily_unavailable"));
    }

    @Test
    void theGatewayItselfStaysLiveButIsNotReadyWithoutRedis() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"));
    }
}
