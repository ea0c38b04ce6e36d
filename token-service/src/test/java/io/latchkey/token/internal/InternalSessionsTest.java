package io.latchkey.token.internal;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.both;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.nimbusds.jwt.SignedJWT;

import io.latchkey.testsupport.FreshDatabase;
import io.latchkey.token.Fixtures;
import io.latchkey.token.TokenServiceProfile;
import io.latchkey.token.seed.DemoClients;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.pubsub.PubSubCommands;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Sessions (refresh-token families) of a grant: where they started (the {@code session} member of
 * {@code /internal/tokens} and {@code /internal/codes}), the usage report, and revoking one session.
 */
@QuarkusTest
@TestProfile(TokenServiceProfile.class)
@QuarkusTestResource(FreshDatabase.class)
class InternalSessionsTest {

    private static final String CLI = DemoClients.CLI;
    private static final String WEB_REDIRECT = "http://127.0.0.1:9090/callback";
    private static final String UA = "latchkey-cli/1.4.0 (Linux; laptop-7)";

    @Inject
    RedisDataSource redis;

    @ConfigProperty(name = "latchkey.redis.key-prefix")
    String prefix;

    private static RequestSpecification internal() {
        return given().header("X-Latchkey-Internal", Fixtures.INTERNAL_SECRET).contentType(ContentType.JSON);
    }

    private static Response mint(String grantId, String session) {
        return internal().body("{\"client_id\":\"" + CLI + "\",\"subject\":\"user-1\",\"scope\":\"db:read\",\"grant_id\":\""
                        + grantId + "\",\"grant_type\":\"" + Fixtures.DEVICE_GRANT + "\""
                        + (session == null ? "" : ",\"session\":" + session) + "}")
                .post("/internal/tokens");
    }

    private static JsonPath mintOk(String grantId, String session) {
        return mint(grantId, session).then().statusCode(200).body("refresh_token", notNullValue()).extract().jsonPath();
    }

    private static String sid(JsonPath tokens) throws Exception {
        return SignedJWT.parse(tokens.getString("access_token")).getJWTClaimsSet().getStringClaim("sid");
    }

    private static JsonPath usage(String... grantIds) {
        return internal().body("{\"grant_ids\":[\"" + String.join("\",\"", grantIds) + "\"]}")
                .post("/internal/grants/usage").then().statusCode(200).extract().jsonPath();
    }

    private static Response revokeSession(String grantId, String sessionId) {
        return given().header("X-Latchkey-Internal", Fixtures.INTERNAL_SECRET).urlEncodingEnabled(false)
                .post("/internal/grants/" + grantId + "/sessions/" + sessionId + "/revoke");
    }

    // ---- the session member ----

    @Test
    void aDeviceSessionIsRecordedOnItsFamilyAndReportedWithTheGrant() throws Exception {
        String grantId = Fixtures.newGrantId();
        Instant before = Instant.now().minusSeconds(1);
        JsonPath tokens = mintOk(grantId, "{\"user_agent\":\"" + UA + "\",\"ip\":\"2001:db8::7\",\"device_name\":\"laptop-7\"}");

        JsonPath report = usage(grantId);
        assertEquals(1, report.getList("'" + grantId + "'.sessions").size());
        String at = "'" + grantId + "'.sessions[0].";
        assertEquals(sid(tokens), report.getString(at + "session_id"), "the session id is the sid of its access tokens");
        assertEquals(UA, report.getString(at + "user_agent"));
        assertEquals("2001:db8::7", report.getString(at + "ip"));
        assertEquals("laptop-7", report.getString(at + "device_name"));
        Instant created = Instant.parse(report.getString(at + "created_at"));
        assertTrue(!created.isBefore(before), "created_at " + created);
        assertEquals(report.getString(at + "last_used_at"), report.getString("'" + grantId + "'.last_used_at"),
                "the grant's last use is its newest family's");
    }

    @Test
    void aRefreshMovesLastUsedOnDurablyInPostgreSql() throws Exception {
        String grantId = Fixtures.newGrantId();
        String refresh = mintOk(grantId, null).getString("refresh_token");
        Fixtures.update("UPDATE token.refresh_families SET last_used_at = now() - interval '3 days' WHERE grant_id = ?", grantId);
        Instant stale = Instant.parse(usage(grantId).getString("'" + grantId + "'.last_used_at"));

        Fixtures.refresh(CLI, refresh).then().statusCode(200);

        JsonPath report = usage(grantId);
        Instant used = Instant.parse(report.getString("'" + grantId + "'.last_used_at"));
        assertTrue(used.isAfter(stale.plusSeconds(2 * 86_400)), "the rotation statement set last_used_at: " + used);
        assertEquals(used, Instant.parse(report.getString("'" + grantId + "'.sessions[0].last_used_at")));
        assertFalse(redis.key().exists(prefix + "grant-last-used:" + grantId), "no Redis copy any more");
    }

    @Test
    void aMalformedSessionMemberIsInvalidRequestAndMintsNothing() {
        String grantId = Fixtures.newGrantId();
        for (String bad : List.of("{\"ip\":\"localhost\"}", "{\"ip\":\"10.0.0.1, 10.0.0.2\"}",
                "{\"user_agent\":\"" + "a".repeat(513) + "\"}", "{\"device_name\":\"" + "d".repeat(65) + "\"}",
                "{\"device_name\":\"line\\nbreak\"}", "\"a string\"", "[1]")) {
            mint(grantId, bad).then().statusCode(400).body("error", equalTo("invalid_request"))
                    .body("access_token", nullValue());
        }
        assertEquals(0L, Fixtures.column("SELECT count(*) FROM token.refresh_families WHERE grant_id = ?", grantId).get(0));
    }

    @Test
    void theApprovingBrowserTravelsWithTheCodeAndIsRecordedWhenItIsRedeemed() {
        String grantId = Fixtures.newGrantId();
        String chrome = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 Chrome/131.0 Safari/537.36";
        String code = internal().body("{\"client_id\":\"" + DemoClients.PARTNER_WEB + "\",\"redirect_uri\":\""
                        + WEB_REDIRECT + "\",\"code_challenge\":null,\"code_challenge_method\":null,\"subject\":\"user-9\","
                        + "\"grant_id\":\"" + grantId + "\",\"scope\":\"db:read\",\"session\":{\"user_agent\":\"" + chrome
                        + "\",\"ip\":\"198.51.100.23\"}}")
                .post("/internal/codes").then().statusCode(200).extract().path("code");
        assertTrue(usage(grantId).getMap("$").isEmpty(), "no family before the code is redeemed");

        given().auth().preemptive().basic(DemoClients.PARTNER_WEB, DemoClients.PARTNER_WEB_SECRET)
                .formParam("grant_type", "authorization_code").formParam("code", code)
                .formParam("redirect_uri", WEB_REDIRECT)
                .post("/oauth/token").then().statusCode(200).body("refresh_token", notNullValue());

        JsonPath report = usage(grantId);
        assertEquals(chrome, report.getString("'" + grantId + "'.sessions[0].user_agent"));
        assertEquals("198.51.100.23", report.getString("'" + grantId + "'.sessions[0].ip"));
        assertNull(report.getString("'" + grantId + "'.sessions[0].device_name"));
    }

    @Test
    void aCodeRequestWithAMalformedSessionGetsNoCode() {
        internal().body("{\"client_id\":\"" + DemoClients.PARTNER_WEB + "\",\"redirect_uri\":\"" + WEB_REDIRECT
                        + "\",\"subject\":\"user-9\",\"grant_id\":\"" + Fixtures.newGrantId()
                        + "\",\"scope\":\"db:read\",\"session\":{\"ip\":\"not-an-ip\"}}")
                .post("/internal/codes").then().statusCode(400).body("error", equalTo("invalid_request"))
                .body("code", nullValue());
    }

    // ---- the usage report ----

    @Test
    void usageListsOnlyLiveSessionsNewestFirstAndLeavesOutGrantsWithoutAny() throws Exception {
        String grantId = Fixtures.newGrantId();
        String never = Fixtures.newGrantId();
        String older = sid(mintOk(grantId, "{\"device_name\":\"old\"}"));
        Fixtures.update("UPDATE token.refresh_families SET created_at = created_at - interval '1 hour' WHERE family_id = ?::uuid", older);
        String newer = sid(mintOk(grantId, "{\"device_name\":\"new\"}"));
        String revoked = sid(mintOk(grantId, "{\"device_name\":\"gone\"}"));
        String expired = sid(mintOk(grantId, "{\"device_name\":\"expired\"}"));
        String idle = sid(mintOk(grantId, "{\"device_name\":\"idle\"}"));
        revokeSession(grantId, revoked).then().statusCode(200);
        Fixtures.update("UPDATE token.refresh_families SET family_expires_at = now() - interval '1 second' WHERE family_id = ?::uuid", expired);
        Fixtures.update("UPDATE token.refresh_families SET last_used_at = now() - interval '31 days' WHERE family_id = ?::uuid", idle);

        JsonPath report = usage(grantId, never);
        assertEquals(List.of(newer, older), report.getList("'" + grantId + "'.sessions.session_id"));
        assertFalse(report.getMap("$").containsKey(never), "a grant without a family is left out");
    }

    @Test
    void aGrantWhoseSessionsAreAllRevokedKeepsItsLastUseAndHasNoSessions() {
        String grantId = Fixtures.newGrantId();
        mintOk(grantId, null);
        internal().post("/internal/grants/" + grantId + "/revoke").then().statusCode(200);
        internal().body("{\"grant_ids\":[\"" + grantId + "\"]}").post("/internal/grants/usage").then().statusCode(200)
                .body("'" + grantId + "'.last_used_at", notNullValue())
                .body("'" + grantId + "'.sessions", empty());
    }

    @Test
    void usageRefusesMalformedAndOversizedRequests() {
        StringBuilder many = new StringBuilder("{\"grant_ids\":[");
        for (int i = 0; i <= 500; i++) {
            many.append(i == 0 ? "" : ",").append("\"g").append(i).append('"');
        }
        for (String bad : List.of("{}", "{\"grant_ids\":null}", "{\"grant_ids\":[\"\"]}", "{\"grant_ids\":[null]}",
                "{\"grant_ids\":[\"" + "g".repeat(201) + "\"]}", many + "]}", "not json", "{\"grant_ids\":\"g1\"}")) {
            internal().body(bad).post("/internal/grants/usage").then().statusCode(400)
                    .body("error", equalTo("invalid_request"));
        }
        given().contentType(ContentType.JSON).body("{\"grant_ids\":[]}").post("/internal/grants/usage")
                .then().statusCode(401).body("error", equalTo("invalid_client"));
    }

    // ---- revoking one session ----

    @Test
    void revokingASessionKillsItsRefreshAndAccessTokensAndSparesTheGrantsOtherSessions() throws Exception {
        String grantId = Fixtures.newGrantId();
        JsonPath laptop = mintOk(grantId, null);
        JsonPath phone = mintOk(grantId, null);
        String laptopRefresh = Fixtures.refresh(CLI, laptop.getString("refresh_token")).then().statusCode(200)
                .extract().path("refresh_token");
        BlockingQueue<String> published = new LinkedBlockingQueue<>();
        PubSubCommands.RedisSubscriber subscriber =
                redis.pubsub(String.class).subscribe(prefix + "revoked-families", published::add);
        try {
            revokeSession(grantId, sid(laptop)).then().statusCode(200)
                    .body("grant_id", equalTo(grantId)).body("session_id", equalTo(sid(laptop)))
                    .body("revoked_at", notNullValue())
                    // the rotated first token and its successor
                    .body("refresh_tokens_revoked", equalTo(2));

            // the gateways hear of it at once (their deny-list matches the access tokens' sid)
            String message = published.poll(5, TimeUnit.SECONDS);
            assertNotNull(message);
            assertTrue(message.startsWith(sid(laptop) + " "), message);
        } finally {
            subscriber.unsubscribe();
        }
        Fixtures.refresh(CLI, laptopRefresh).then().statusCode(400).body("error", equalTo("invalid_grant"));
        Fixtures.introspect(laptop.getString("access_token")).then().statusCode(200).body("active", equalTo(false));
        assertEquals(1L, Fixtures.column("SELECT count(*) FROM token.revoked_families WHERE family_id = ?::uuid", sid(laptop)).get(0));

        assertTrue(Fixtures.active(phone.getString("access_token")));
        Fixtures.refresh(CLI, phone.getString("refresh_token")).then().statusCode(200);
        assertEquals(List.of(sid(phone)), usage(grantId).getList("'" + grantId + "'.sessions.session_id"));
    }

    @Test
    void revokingASessionTwiceKeepsTheFirstRevocationTime() throws Exception {
        String grantId = Fixtures.newGrantId();
        String session = sid(mintOk(grantId, null));
        String first = revokeSession(grantId, session).then().statusCode(200).extract().path("revoked_at");
        revokeSession(grantId, session).then().statusCode(200)
                .body("revoked_at", equalTo(first)).body("refresh_tokens_revoked", equalTo(0));
        // a session of a revoked grant keeps the grant's revocation time
        String other = sid(mintOk(grantId, null));
        String grantRevokedAt = internal().post("/internal/grants/" + grantId + "/revoke").then().statusCode(200)
                .extract().path("revoked_at");
        assertEquals(Instant.parse(grantRevokedAt), Instant.parse(revokeSession(grantId, other).then().statusCode(200)
                .body("refresh_tokens_revoked", equalTo(0)).extract().path("revoked_at")));
    }

    @Test
    void aSessionOfAnotherGrantOrNoSessionAtAllIsNotFoundAndStaysAlive() throws Exception {
        String grantId = Fixtures.newGrantId();
        JsonPath tokens = mintOk(grantId, null);
        revokeSession(Fixtures.newGrantId(), sid(tokens)).then().statusCode(404).body("error", equalTo("not_found"));
        revokeSession(grantId, UUID.randomUUID().toString()).then().statusCode(404).body("error", equalTo("not_found"));
        Fixtures.refresh(CLI, tokens.getString("refresh_token")).then().statusCode(200);
        assertEquals(0L, Fixtures.column("SELECT count(*) FROM token.revoked_families WHERE family_id = ?::uuid", sid(tokens)).get(0));
    }

    @Test
    void malformedIdsAreInvalidRequestAndNoSecretIsInvalidClient() {
        String grantId = Fixtures.newGrantId();
        for (String bad : List.of("not-a-uuid", "1-1-1-1-1", "%7B" + UUID.randomUUID() + "%7D", UUID.randomUUID() + "0",
                UUID.randomUUID().toString().replace("-", ""), "%20")) {
            revokeSession(grantId, bad).then().statusCode(400).body("error", equalTo("invalid_request"));
        }
        revokeSession("g".repeat(201), UUID.randomUUID().toString()).then().statusCode(400)
                .body("error", equalTo("invalid_request"));
        given().post("/internal/grants/" + grantId + "/sessions/" + UUID.randomUUID() + "/revoke")
                .then().statusCode(401).body("error", equalTo("invalid_client"));
        given().header("X-Latchkey-Internal", "guess")
                .post("/internal/grants/" + grantId + "/sessions/" + UUID.randomUUID() + "/revoke")
                .then().statusCode(401).body("error", equalTo("invalid_client"));
        given().header("X-Latchkey-Internal", Fixtures.INTERNAL_SECRET)
                .get("/internal/grants/" + grantId + "/sessions/" + UUID.randomUUID() + "/revoke")
                .then().statusCode(both(greaterThanOrEqualTo(400)).and(lessThan(500)));
    }

    private static void assertNull(String s) {
        org.junit.jupiter.api.Assertions.assertNull(s);
    }
}
