package io.latchkey.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.UUID;
import java.util.function.IntSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.response.Response;

/**
 * Real outages: the connection to PostgreSQL or Redis is cut (all sockets dropped, new ones refused). Requests that
 * need the backend answer 503 temporarily_unavailable, readiness goes DOWN, and both recover without a restart.
 */
@org.junit.jupiter.api.Order(100) // last: it cuts the backends every other test needs
class BackendOutageE2ETest {

    static Platform platform;

    @BeforeAll
    static void platform() {
        platform = Platform.get();
    }

    @AfterEach
    void restore() throws Exception {
        platform.redis.up();
        platform.postgres.up();
        for (ServiceProcess s : new ServiceProcess[] {platform.token, platform.device, platform.consent, platform.gateway,
                platform.gateway2}) {
            awaitStatus(s::readiness, 200);
        }
    }

    @Test
    void redisOutageGives503AndNotReadyThenRecoversByItself() throws Exception {
        String base = platform.baseUrl();
        deviceAuthorization(base).then().statusCode(200);

        platform.redis.down();
        Response during = deviceAuthorization(base);
        assertEquals(503, during.statusCode(), during.asString());
        during.then().body("error", equalTo("temporarily_unavailable")).header("Cache-Control", "no-store");
        awaitStatus(() -> platform.device.readiness(), 503);

        platform.redis.up();
        awaitStatus(() -> deviceAuthorization(base).statusCode(), 200);
        awaitStatus(() -> platform.device.readiness(), 200);
    }

    @Test
    void postgresOutageGives503AndNotReadyThenRecoversByItself() throws Exception {
        String base = platform.baseUrl();
        platform.postgres.down();
        // an uncached client lookup must reach PostgreSQL
        Response during = given().formParam("grant_type", "client_credentials")
                .formParam("client_id", "unknown-" + UUID.randomUUID()).post(base + "/oauth/token");
        assertEquals(503, during.statusCode(), during.asString());
        during.then().body("error", equalTo("temporarily_unavailable"));
        awaitStatus(() -> platform.token.readiness(), 503);

        platform.postgres.up();
        awaitStatus(() -> given().auth().preemptive().basic(Platform.PARTNER_WEB, Platform.PARTNER_WEB_SECRET)
                .formParam("grant_type", "client_credentials").post(base + "/oauth/token").statusCode(), 200);
        awaitStatus(() -> platform.token.readiness(), 200);
    }

    static Response deviceAuthorization(String base) {
        return given().formParam("client_id", Platform.CLI).formParam("scope", "db:read")
                .post(base + "/oauth/device_authorization");
    }

    static void awaitStatus(IntSupplier status, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        int last = -1;
        while (System.nanoTime() < deadline) {
            last = status.getAsInt();
            if (last == expected) {
                return;
            }
            Thread.sleep(250);
        }
        assertEquals(expected, last, "status did not settle in 30 s");
    }
}
