package io.latchkey.gateway.proxy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.latchkey.gateway.support.ClosingServices;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** A service that closes a pooled keep-alive connection as the gateway's next request arrives on it. */
@QuarkusTest
@WithTestResource(ClosingServices.class)
class KeepAliveRaceTest {

    private static final String FORM = "application/x-www-form-urlencoded";

    @Test
    void aGetOnAConnectionTheServiceJustClosedIsSentAgainOnAFreshConnectionAndGetsTheServicesAnswer() {
        given().get("/static/site.css").then().statusCode(200); // at least one pooled connection has served
        int closedBefore = ClosingServices.CLOSED_UNANSWERED.get();
        for (int i = 0; i < 6; i++) {
            // each request either meets a connection that served before (closed unanswered, then re-sent on a fresh
            // connection, whose first request the service answers) or a new one (answered at once): never 503
            given().header(ClosingServices.CLOSE_IF_REUSED, "1").get("/static/site.css")
                    .then().statusCode(200)
                    .body("method", equalTo("GET"))
                    .body("path", equalTo("/static/site.css"))
                    .body("requests_on_connection", equalTo(1));
        }
        assertTrue(ClosingServices.CLOSED_UNANSWERED.get() > closedBefore,
                "the service closed at least one reused connection under a request");
    }

    @Test
    void aPostIsNeverSentTwiceTheClientGets503TemporarilyUnavailable() {
        given().get("/logout").then().statusCode(200);
        int closedBefore = ClosingServices.CLOSED_UNANSWERED.get();
        // RFC 9110 §9.2.2: POST is not idempotent, and the service may have taken it before the connection closed
        given().contentType(FORM).header(ClosingServices.ALWAYS_CLOSE, "1").body("csrf=abc")
                .post("/logout")
                .then().statusCode(503)
                .contentType(startsWith("application/json"))
                .header("Retry-After", "1")
                .header("Cache-Control", "no-store")
                .body("error", equalTo("temporarily_unavailable"))
                .body("error_description", notNullValue());
        assertEquals(closedBefore + 1, ClosingServices.CLOSED_UNANSWERED.get(), "the POST reached the service once");
    }

    @Test
    void aGetTheServiceClosesOnAFreshConnectionTooIsNotSentAThirdTime() {
        given().get("/static/site.css").then().statusCode(200);
        int closedBefore = ClosingServices.CLOSED_UNANSWERED.get();
        given().header(ClosingServices.ALWAYS_CLOSE, "1").get("/static/site.css")
                .then().statusCode(503)
                .header("Retry-After", "1")
                .body("error", equalTo("temporarily_unavailable"));
        int attempts = ClosingServices.CLOSED_UNANSWERED.get() - closedBefore;
        assertTrue(attempts == 1 || attempts == 2, "one try, and at most one re-send; was " + attempts);
    }
}
