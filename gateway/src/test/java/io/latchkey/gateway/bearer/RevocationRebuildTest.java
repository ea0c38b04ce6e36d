package io.latchkey.gateway.bearer;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.latchkey.common.revocation.RevocationKind;
import io.latchkey.common.revocation.RevocationList;
import io.latchkey.gateway.support.PrivateRedis;
import io.latchkey.gateway.support.StubServices;
import io.latchkey.gateway.support.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;

/**
 * The gateway rebuilds its deny-list from the owner's durable record (token-service {@code /internal/revocations}),
 * not from Redis: on every Redis reconnect, so a Redis restart without persistence brings nothing back, and
 * revocations that never reached Redis are picked up too.
 */
@QuarkusTest
@WithTestResource(StubServices.class)
@WithTestResource(PrivateRedis.class)
class RevocationRebuildTest {

    @Test
    void aRedisRestartReloadsTheOwnersListAndIsNotReadyMeanwhile() throws Exception {
        JsonObject jtiClaims = TestTokens.claims();
        JsonObject familyClaims = TestTokens.claims().put("sid", java.util.UUID.randomUUID().toString());
        String byJti = TestTokens.sign(jtiClaims);
        String byFamily = TestTokens.sign(familyClaims);
        // the feed subscribes and loads after start: until then /api answers 503 (a slow CI start saw that)
        awaitStatus("/q/health/ready", 200);
        me(byJti).statusCode(200);
        me(byFamily).statusCode(200);

        // revoked in the durable record while the news never reached this gateway (Redis lost it)
        long expiry = System.currentTimeMillis() + 600_000;
        StubServices.REVOCATIONS.add(new RevocationList.Entry(RevocationKind.JTI, jtiClaims.getString("jti"), expiry));
        StubServices.REVOCATIONS.add(new RevocationList.Entry(RevocationKind.FAMILY, familyClaims.getString("sid"), expiry));
        int loadsBefore = StubServices.REVOCATION_LOADS.get();
        me(byJti).statusCode(200);

        PrivateRedis.stopServer();
        // fail closed while the subscription is down: not ready, and /api answers 503
        awaitStatus("/q/health/ready", 503);
        me(byJti).statusCode(503).body("error", equalTo("temporarily_unavailable"));

        PrivateRedis.startServer(); // empty: no persistence
        awaitStatus("/q/health/ready", 200);
        assertTrue(StubServices.REVOCATION_LOADS.get() > loadsBefore, "the owner's list was loaded on reconnect");
        me(byJti).statusCode(401).body("error", equalTo("invalid_token"));
        me(byFamily).statusCode(401).body("error", equalTo("invalid_token"));
        me(TestTokens.sign(TestTokens.claims())).statusCode(200);
    }

    private static io.restassured.response.ValidatableResponse me(String token) {
        return given().header("Authorization", "Bearer " + token).get("/api/v1/me").then();
    }

    private static void awaitStatus(String path, int status) throws InterruptedException {
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (given().get(path).statusCode() == status) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError(path + " never answered " + status);
    }
}
