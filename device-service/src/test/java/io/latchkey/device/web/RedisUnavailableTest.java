package io.latchkey.device.web;

import static io.latchkey.device.support.DeviceFlow.form;
import static io.latchkey.device.support.DeviceFlow.lookup;
import static io.latchkey.device.support.DeviceFlow.poll;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.latchkey.device.support.FakeTokenService;
import io.latchkey.device.support.RandomKeyPrefix;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(RedisUnavailableTest.RedisDown.class)
@QuarkusTestResource(RandomKeyPrefix.class)
@QuarkusTestResource(FakeTokenService.class)
class RedisUnavailableTest {

    /** Points the service at a port where no Redis listens. */
    public static class RedisDown implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.redis.hosts", "redis://127.0.0.1:1");
        }
    }

    @Test
    void aPollWhileRedisIsDownIsTemporarilyUnavailable() {
        // well-formed (locator + 43 characters), so the poll reaches the store
        poll("A".repeat(io.latchkey.device.device.DeviceCodes.LENGTH), "cli").then()
                .statusCode(503)
                .header("Cache-Control", "no-store")
                .body("error", equalTo("temporarily_unavailable"));
    }

    @Test
    void aDeviceAuthorizationWhileRedisIsDownIsTemporarilyUnavailable() {
        form().formParam("client_id", "cli").post("/oauth/device_authorization")
                .then().statusCode(503).body("error", equalTo("temporarily_unavailable"));
    }

    @Test
    void aUserCodeLookupWhileRedisIsDownIsTemporarilyUnavailable() {
        lookup("BCDF-GHJK").then().statusCode(503).body("error", equalTo("temporarily_unavailable"));
    }

    @Test
    void readinessIsDownWhileRedisIsUnreachable() {
        given().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"));
    }
}
