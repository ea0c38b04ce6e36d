package io.latchkey.token.revocation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.latchkey.testsupport.FreshDatabase;
import io.latchkey.token.Fixtures;
import io.latchkey.token.seed.DemoClients;
import io.restassured.path.json.JsonPath;
import io.latchkey.token.TokenServiceProfile;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.pubsub.PubSubCommands;
import io.quarkus.redis.datasource.sortedset.ScoreRange;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** POST /internal/grants/{grant_id}/revoke: the token-service side of "revoke an app", and grant usage. */
@QuarkusTest
@TestProfile(TokenServiceProfile.class)
@QuarkusTestResource(FreshDatabase.class)
class GrantRevocationTest {

    private static final String SECRET = "test-internal-secret";
    private static final String DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";

    @Inject
    RedisDataSource redis;

    @Inject
    Pool pool;

    @ConfigProperty(name = "latchkey.redis.key-prefix")
    String prefix;

    private static RequestSpecification internal() {
        return given().header("X-Latchkey-Internal", SECRET);
    }

    private static String mint(String grantId, String client, String grantType) {
        return "{\"client_id\":\"" + client + "\",\"subject\":\"user-1\",\"scope\":\"db:read\",\"grant_id\":\""
                + grantId + "\",\"grant_type\":\"" + grantType + "\"}";
    }

    private static void mintOk(String grantId) {
        internal().contentType(ContentType.JSON).body(mint(grantId, "latchkey-cli", DEVICE_GRANT))
                .post("/internal/tokens").then().statusCode(200).body("refresh_token", notNullValue());
    }

    private long liveRefreshTokens(String grantId) {
        return pool.preparedQuery("SELECT count(*) FROM token.refresh_tokens WHERE grant_id = $1 AND revoked_at IS NULL")
                .execute(Tuple.of(grantId)).await().atMost(Duration.ofSeconds(5)).iterator().next().getLong(0);
    }

    @Test
    void theRevokeRouteRefusesCallersWithoutTheInternalSecret() {
        given().post("/internal/grants/g-anon/revoke").then().statusCode(401).body("error", equalTo("invalid_client"));
        given().header("X-Latchkey-Internal", "guess").post("/internal/grants/g-anon/revoke").then().statusCode(401);
    }

    @Test
    void revokingAGrantKillsItsRefreshTokensAndRefusesEveryLaterMint() {
        String grantId = UUID.randomUUID().toString();
        mintOk(grantId);
        mintOk(grantId);
        assertEquals(2, liveRefreshTokens(grantId));

        internal().post("/internal/grants/" + grantId + "/revoke").then().statusCode(200);

        assertEquals(0, liveRefreshTokens(grantId));
        internal().contentType(ContentType.JSON).body(mint(grantId, "latchkey-cli", DEVICE_GRANT))
                .post("/internal/tokens").then().statusCode(400)
                .header("Cache-Control", "no-store")
                .body("error", equalTo("invalid_grant"))
                .body("access_token", nullValue());
        assertEquals(0, liveRefreshTokens(grantId), "the refused mint leaves no live refresh token behind");
    }

    @Test
    void aDeviceCodeApprovedBeforeTheRevokeCannotBeRedeemedAfterIt() {
        // device-service mints only when the approved code is polled: the grant may have been revoked meanwhile
        String grantId = UUID.randomUUID().toString();
        internal().post("/internal/grants/" + grantId + "/revoke").then().statusCode(200);
        internal().contentType(ContentType.JSON).body(mint(grantId, "latchkey-cli", DEVICE_GRANT))
                .post("/internal/tokens").then().statusCode(400).body("error", equalTo("invalid_grant"));
        assertEquals(0, liveRefreshTokens(grantId));
    }

    @Test
    void revokingTwiceIsHarmlessAndKeepsTheFirstRevocationTime() {
        String grantId = UUID.randomUUID().toString();
        mintOk(grantId);
        String first = internal().post("/internal/grants/" + grantId + "/revoke").then().statusCode(200)
                .body("refresh_tokens_revoked", equalTo(1)).extract().path("revoked_at");
        internal().post("/internal/grants/" + grantId + "/revoke").then().statusCode(200)
                .body("refresh_tokens_revoked", equalTo(0)).body("revoked_at", equalTo(first));
    }

    @Test
    void revokingAGrantKillsItsAccessTokensTooAndSparesOtherGrants() {
        String web = DemoClients.PARTNER_WEB;
        String grant = Fixtures.newGrantId();
        JsonPath one = Fixtures.mint(web, "db:read", grant);
        JsonPath two = Fixtures.mint(web, "profile", grant);
        JsonPath unrelated = Fixtures.mint(web, "db:read");
        assertTrue(Fixtures.active(one.getString("access_token")));

        internal().post("/internal/grants/" + grant + "/revoke").then().statusCode(200)
                .body("grant_id", equalTo(grant)).body("refresh_tokens_revoked", equalTo(2));

        Fixtures.refresh(web, one.getString("refresh_token")).then().statusCode(400).body("error", equalTo("invalid_grant"));
        Fixtures.refresh(web, two.getString("refresh_token")).then().statusCode(400).body("error", equalTo("invalid_grant"));
        assertFalse(Fixtures.active(one.getString("access_token")));
        assertFalse(Fixtures.active(two.getString("access_token")));
        assertTrue(Fixtures.active(unrelated.getString("access_token")));
        Fixtures.refresh(web, unrelated.getString("refresh_token")).then().statusCode(200);
        assertEquals(1L, Fixtures.column("SELECT count(*) FROM token.revoked_grants WHERE grant_id = ?", grant).get(0));
    }

    @Test
    void aRevokeSetsTheIntrospectionKeyIndexesTheGrantAndPublishesIt() throws Exception {
        String grantId = UUID.randomUUID().toString();
        BlockingQueue<String> published = new LinkedBlockingQueue<>();
        PubSubCommands.RedisSubscriber subscriber =
                redis.pubsub(String.class).subscribe(prefix + "revoked-grants", published::add);
        try {
            long before = System.currentTimeMillis();
            internal().post("/internal/grants/" + grantId + "/revoke").then().statusCode(200);

            assertEquals(grantId, published.poll(5, TimeUnit.SECONDS));
            assertNotNull(redis.value(String.class).get(prefix + "revoked-grant:" + grantId));
            long ttl = redis.key().pttl(prefix + "revoked-grant:" + grantId);
            // access tokens live 10 minutes; the entry one minute longer
            assertTrue(ttl > Duration.ofMinutes(10).toMillis() && ttl <= Duration.ofMinutes(11).toMillis(), "ttl " + ttl);
            java.util.OptionalDouble expiry = redis.sortedSet(String.class).zscore(prefix + "revoked-grants:index", grantId);
            assertTrue(expiry.isPresent());
            assertTrue(expiry.getAsDouble() >= before + Duration.ofMinutes(11).toMillis(), "index score is the entry's expiry in ms");
            List<String> live = redis.sortedSet(String.class).zrangebyscore(prefix + "revoked-grants:index",
                    new ScoreRange<>((double) System.currentTimeMillis(), Double.POSITIVE_INFINITY));
            assertTrue(live.contains(grantId));
            assertTrue(redis.key().pttl(prefix + "revoked-grants:index") > 0, "the index has a TTL");
        } finally {
            subscriber.unsubscribe();
        }
    }

    @Test
    void everyMintRecordsWhenTheGrantWasLastUsed() {
        String used = UUID.randomUUID().toString();
        String unused = UUID.randomUUID().toString();
        long before = System.currentTimeMillis();
        mintOk(used);

        String at = internal().contentType(ContentType.JSON)
                .body("{\"grant_ids\":[\"" + used + "\",\"" + unused + "\"]}")
                .post("/internal/grants/usage")
                .then().statusCode(200)
                .body(unused, nullValue())
                .extract().path(used + ".last_used_at");
        assertNotNull(at);
        assertTrue(java.time.Instant.parse(at).toEpochMilli() >= before - 1000, at);
        // durable: on the family row in PostgreSQL, written by the mint statement itself (no Redis copy)
        assertEquals(1L, Fixtures.column("SELECT count(*) FROM token.refresh_families WHERE grant_id = ? "
                + "AND last_used_at IS NOT NULL", used).get(0));
        assertFalse(redis.key().exists(prefix + "grant-last-used:" + used));
    }

    @Test
    void usageWithoutGrantIdsIsInvalidRequest() {
        internal().contentType(ContentType.JSON).body("{}").post("/internal/grants/usage")
                .then().statusCode(400).body("error", equalTo("invalid_request"));
    }
}
