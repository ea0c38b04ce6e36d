package io.latchkey.token;

import static io.latchkey.token.Fixtures.INTERNAL_SECRET;
import static io.latchkey.token.Fixtures.active;
import static io.latchkey.token.Fixtures.column;
import static io.latchkey.token.Fixtures.mint;
import static io.latchkey.token.Fixtures.refresh;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.latchkey.testsupport.FreshDatabase;
import io.latchkey.token.seed.DemoClients;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.pubsub.PubSubCommands;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/** POST /internal/grants/{grant_id}/revoke: the token-service side of "revoke an app". */
@QuarkusTest
@TestProfile(TokenServiceProfile.class)
@QuarkusTestResource(FreshDatabase.class)
class GrantRevocationTest {

    private static final String WEB = DemoClients.PARTNER_WEB;

    @Inject
    RedisDataSource redis;

    @ConfigProperty(name = "latchkey.redis.key-prefix")
    String prefix;

    @Test
    void theInternalRouteRefusesCallersWithoutTheSharedSecret() {
        given().post("/internal/grants/g-1/revoke").then().statusCode(401).body("error", equalTo("invalid_client"));
        given().header("X-Latchkey-Internal", "guess").post("/internal/grants/g-1/revoke").then().statusCode(401);
    }

    @Test
    void revokingAGrantKillsItsRefreshTokensAndAccessTokensAndTellsTheGateways() throws Exception {
        String grant = Fixtures.newGrantId();
        JsonPath one = mint(WEB, "db:read", grant);
        JsonPath two = mint(WEB, "profile", grant);
        JsonPath unrelated = mint(WEB, "db:read");
        assertTrue(active(one.getString("access_token")));

        BlockingQueue<String> published = new LinkedBlockingQueue<>();
        PubSubCommands.RedisSubscriber subscriber = redis.pubsub(String.class)
                .subscribe(prefix + "revoked-grants", published::add);
        try {
            revokeGrant(grant).then().statusCode(200)
                    .body("grant_id", equalTo(grant))
                    .body("refresh_tokens_revoked", equalTo(2));
            assertEquals(grant, published.poll(5, TimeUnit.SECONDS), "grant id published on <prefix>revoked-grants");
        } finally {
            subscriber.unsubscribe();
        }

        refresh(WEB, one.getString("refresh_token")).then().statusCode(400).body("error", equalTo("invalid_grant"));
        refresh(WEB, two.getString("refresh_token")).then().statusCode(400).body("error", equalTo("invalid_grant"));
        assertFalse(active(one.getString("access_token")));
        assertFalse(active(two.getString("access_token")));
        assertTrue(active(unrelated.getString("access_token")));
        refresh(WEB, unrelated.getString("refresh_token")).then().statusCode(200);

        long ttl = redis.key().ttl(prefix + "revoked-grant:" + grant);
        assertTrue(ttl > 600 && ttl <= 660, "deny-listed for one access-token lifetime + 1 min, was " + ttl);
        assertEquals(1L, column("SELECT count(*) FROM token.revoked_grants WHERE grant_id = ?", grant).get(0));
    }

    @Test
    void revokingTwiceIsHarmlessAndKeepsTheFirstRevocationTime() {
        String grant = Fixtures.newGrantId();
        mint(WEB, "db:read", grant);
        String first = revokeGrant(grant).then().statusCode(200).body("refresh_tokens_revoked", equalTo(1))
                .extract().path("revoked_at");
        revokeGrant(grant).then().statusCode(200).body("refresh_tokens_revoked", equalTo(0)).body("revoked_at", equalTo(first));
    }

    @Test
    void aGrantWithoutTokensCanBeRevokedAhead() {
        String grant = Fixtures.newGrantId();
        revokeGrant(grant).then().statusCode(200).body("refresh_tokens_revoked", equalTo(0));
        // a revoked grant never mints again (say, a device code approved just before the revoke)
        given().header("X-Latchkey-Internal", INTERNAL_SECRET).contentType("application/json")
                .body("{\"client_id\":\"" + WEB + "\",\"subject\":\"u\",\"scope\":\"db:read\",\"grant_id\":\"" + grant
                        + "\",\"grant_type\":\"urn:ietf:params:oauth:grant-type:device_code\"}")
                .post("/internal/tokens").then().statusCode(400).body("error", equalTo("invalid_grant"));
    }

    private static io.restassured.response.Response revokeGrant(String grant) {
        return given().header("X-Latchkey-Internal", INTERNAL_SECRET).post("/internal/grants/" + grant + "/revoke");
    }
}
