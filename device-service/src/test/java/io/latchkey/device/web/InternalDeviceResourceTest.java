package io.latchkey.device.web;

import static io.latchkey.device.support.DeviceFlow.approve;
import static io.latchkey.device.support.DeviceFlow.deny;
import static io.latchkey.device.support.DeviceFlow.internal;
import static io.latchkey.device.support.DeviceFlow.lookup;
import static io.latchkey.device.support.DeviceFlow.start;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.latchkey.device.support.FakeTokenService;
import io.latchkey.device.support.RedisRecords;
import io.latchkey.device.support.RandomKeyPrefix;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@QuarkusTestResource(RandomKeyPrefix.class)
@QuarkusTestResource(FakeTokenService.class)
class InternalDeviceResourceTest {

    private static final String ISO = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z";

    @Inject
    RedisDataSource redis;

    @ConfigProperty(name = "latchkey.redis.key-prefix")
    String prefix;

    @Test
    void aLookupAnswersThePendingAuthorization() {
        JsonPath started = start("cli", "db:read");
        lookup(started.getString("user_code")).then()
                .statusCode(200)
                .contentType(ContentType.JSON)
                .body("user_code", equalTo(started.getString("user_code")))
                .body("client_id", equalTo("cli"))
                .body("scope", equalTo("db:read"))
                .body("status", equalTo("pending"))
                .body("requested_at", matchesPattern(ISO))
                .body("expires_at", matchesPattern(ISO))
                .body("device_ip", equalTo("127.0.0.1"));
    }

    @Test
    void userCodesAreCaseInsensitiveAndIgnoreDashesAndWhitespace() {
        String userCode = start("cli").getString("user_code");
        String bare = userCode.replace("-", "");
        String spaced = (bare.substring(0, 4) + " " + bare.substring(4)).toLowerCase();
        lookup(spaced).then().statusCode(200).body("user_code", equalTo(userCode));
        lookup(userCode.toUpperCase()).then().statusCode(200).body("user_code", equalTo(userCode));
        lookup(bare.toLowerCase()).then().statusCode(200).body("user_code", equalTo(userCode));
    }

    @Test
    void aUserCodeWithCharactersOutsideTheAlphabetIsNotFound() {
        lookup("AEIO-U123").then().statusCode(404).body("error", equalTo("not_found"));
        lookup("BCDF-GHJ").then().statusCode(404);
    }

    @Test
    void anUnknownUserCodeIsNotFoundForLookupApproveAndDeny() {
        lookup("ZZZZ-ZZZZ").then().statusCode(404);
        approve("ZZZZ-ZZZZ", "u", "g", null).then().statusCode(404);
        deny("ZZZZ-ZZZZ").then().statusCode(404);
    }

    @Test
    void anApprovedUserCodeCannotBeLookedUpOrDecidedAgain() {
        String userCode = start("cli").getString("user_code");
        approve(userCode, "u1", "g1", null).then().statusCode(204);
        lookup(userCode).then().statusCode(404);
        approve(userCode, "u2", "g2", null).then().statusCode(409).body("error", equalTo("invalid_request"));
        deny(userCode).then().statusCode(409);
    }

    @Test
    void aDeniedUserCodeCannotBeLookedUpOrDecidedAgain() {
        String userCode = start("cli").getString("user_code");
        deny(userCode).then().statusCode(204);
        lookup(userCode).then().statusCode(404);
        approve(userCode, "u", "g", null).then().statusCode(409);
        deny(userCode).then().statusCode(409);
    }

    @Test
    void anExpiredUserCodeIsNotFound() {
        JsonPath started = start("cli");
        RedisRecords.setField(redis, prefix, started.getString("device_code"), "e", System.currentTimeMillis() - 1);
        lookup(started.getString("user_code")).then().statusCode(404);
        approve(started.getString("user_code"), "u", "g", null).then().statusCode(404);
    }

    @Test
    void aUserCodeIsGoneOnceTheDeviceHasRedeemedIt() {
        JsonPath started = start("cli");
        approve(started.getString("user_code"), "u", "g", null).then().statusCode(204);
        io.latchkey.device.support.DeviceFlow.poll(started.getString("device_code"), "cli").then().statusCode(200);
        approve(started.getString("user_code"), "u", "g", null).then().statusCode(404);
    }

    @Test
    void approvingMoreThanTheDeviceAskedForIsInvalidScope() {
        String userCode = start("cli", "db:read").getString("user_code");
        approve(userCode, "u", "g", "db:read db:write").then().statusCode(400).body("error", equalTo("invalid_scope"));
        lookup(userCode).then().statusCode(200).body("status", equalTo("pending"));
    }

    @Test
    void anApprovalWithoutSubjectOrGrantIsInvalidRequest() {
        String userCode = start("cli").getString("user_code");
        internal().contentType(ContentType.JSON).body("{\"grant_id\":\"g\"}")
                .post("/internal/device/user-codes/{code}/approve", userCode)
                .then().statusCode(400).body("error", equalTo("invalid_request"));
        internal().contentType(ContentType.JSON).body("not json")
                .post("/internal/device/user-codes/{code}/approve", userCode)
                .then().statusCode(400).body("error", equalTo("invalid_request"));
    }

    @Test
    void internalRoutesRejectAMissingSecret() {
        String userCode = start("cli").getString("user_code");
        given().get("/internal/device/user-codes/{code}", userCode)
                .then().statusCode(401).body("error", equalTo("invalid_client"));
        given().post("/internal/device/user-codes/{code}/deny", userCode).then().statusCode(401);
        lookup(userCode).then().statusCode(200).body("status", equalTo("pending"));
    }

    @Test
    void internalRoutesRejectAWrongSecret() {
        String userCode = start("cli").getString("user_code");
        given().header("X-Latchkey-Internal", FakeTokenService.INTERNAL_SECRET + "x")
                .get("/internal/device/user-codes/{code}", userCode)
                .then().statusCode(401).body("error", equalTo("invalid_client"));
        given().header("X-Latchkey-Internal", "wrong").contentType(ContentType.JSON)
                .body("{\"subject\":\"u\",\"grant_id\":\"g\"}")
                .post("/internal/device/user-codes/{code}/approve", userCode)
                .then().statusCode(401);
        lookup(userCode).then().statusCode(200).body("status", equalTo("pending"));
    }

    @Test
    void theOpenApiDocumentDescribesEveryOperation() {
        given().accept("application/json").get("/q/openapi?format=json").then()
                .statusCode(200)
                .body("paths.'/oauth/device_authorization'.post.summary", matchesPattern(".+"))
                .body("paths.'/oauth/token'.post.summary", matchesPattern(".+"))
                .body("paths.'/internal/device/user-codes/{user_code}'.get.summary", matchesPattern(".+"))
                .body("paths.'/internal/device/user-codes/{user_code}/approve'.post.summary", matchesPattern(".+"))
                .body("paths.'/internal/device/user-codes/{user_code}/deny'.post.summary", matchesPattern(".+"));
    }

    @Test
    void readinessIsUpWithRedisReachable() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }
}
