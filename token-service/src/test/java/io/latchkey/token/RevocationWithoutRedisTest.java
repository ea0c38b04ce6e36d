package io.latchkey.token;

import static io.latchkey.token.Fixtures.INTERNAL_SECRET;
import static io.latchkey.token.Fixtures.active;
import static io.latchkey.token.Fixtures.mint;
import static io.latchkey.token.Fixtures.refresh;
import static io.latchkey.token.Fixtures.revoke;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.latchkey.testsupport.FreshDatabase;
import io.latchkey.token.seed.DemoClients;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * With Redis unreachable, revoking still succeeds (PostgreSQL is the record; Redis only carries the news) and
 * introspection still reports the revoked tokens inactive: token-service's own checks never read Redis.
 */
@QuarkusTest
@TestProfile(RedisDownProfile.class)
@QuarkusTestResource(FreshDatabase.class)
class RevocationWithoutRedisTest {

    private static final String WEB = DemoClients.PARTNER_WEB;

    @Test
    void revocationsSucceedAndTakeEffectWhileRedisIsDown() {
        JsonPath byJti = mint(WEB, "db:read");
        JsonPath byFamily = mint(WEB, "db:read");
        String grant = Fixtures.newGrantId();
        JsonPath byGrant = mint(WEB, "db:read", grant);
        JsonPath untouched = mint(WEB, "db:read");

        revoke(WEB, byJti.getString("access_token")).then().statusCode(200);
        revoke(WEB, byFamily.getString("refresh_token")).then().statusCode(200);
        given().header("X-Latchkey-Internal", INTERNAL_SECRET).post("/internal/grants/" + grant + "/revoke")
                .then().statusCode(200).body("refresh_tokens_revoked", equalTo(1));

        assertFalse(active(byJti.getString("access_token")));
        assertFalse(active(byFamily.getString("access_token")));
        assertFalse(active(byGrant.getString("access_token")));
        assertTrue(active(untouched.getString("access_token")));
        refresh(WEB, byFamily.getString("refresh_token")).then().statusCode(400).body("error", equalTo("invalid_grant"));
        // the gateways catch up from here when their Redis subscription is back
        given().header("X-Latchkey-Internal", INTERNAL_SECRET).get("/internal/revocations").then().statusCode(200)
                .body("revocations.size()", equalTo(3));
    }
}
