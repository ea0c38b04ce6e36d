package io.latchkey.consent.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.latchkey.consent.Browser;
import io.latchkey.testsupport.FreshDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.latchkey.common.crypto.Secrets;

/** PostgreSQL (reactive pool) and Redis unreachable: readiness DOWN, pages answer 503 without internals. */
@QuarkusTest
@QuarkusTestResource(FreshDatabase.class)
@TestProfile(BackendsDownTest.Unreachable.class)
class BackendsDownTest {

    public static class Unreachable implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.redis.hosts", "redis://127.0.0.1:1",
                    "quarkus.datasource.reactive.url", "postgresql://127.0.0.1:1/latchkey",
                    "latchkey.seed.demo", "false");
        }
    }

    @Test
    void readinessIsDownWhileBackendsAreUnreachable() {
        given().get("/q/health/ready").then()
                .statusCode(503)
                .body("status", equalTo("DOWN"));
    }

    @Test
    void aPageThatNeedsRedisAnswers503WithAFriendlyPage() {
        given().cookie("lk_session", Secrets.random256()).get("/").then()
                .statusCode(503)
                .header("Retry-After", "1")
                .header("X-Frame-Options", "DENY")
                .contentType(containsString("text/html"))
                .body(containsString("Temporarily unavailable"))
                .body(not(containsString("Exception")));
    }

    @Test
    void signInAnswers503WhenItsBackendsAreDown() {
        Browser browser = new Browser();
        browser.signIn("someone@latchkey.dev", "pw").then()
                .statusCode(503)
                .body(containsString("Temporarily unavailable"))
                .body(not(containsString("Exception")));
    }
}
