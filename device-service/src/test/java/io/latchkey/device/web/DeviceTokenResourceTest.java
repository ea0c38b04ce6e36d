package io.latchkey.device.web;

import static io.latchkey.device.support.DeviceFlow.approve;
import static io.latchkey.device.support.DeviceFlow.deny;
import static io.latchkey.device.support.DeviceFlow.form;
import static io.latchkey.device.support.DeviceFlow.poll;
import static io.latchkey.device.support.DeviceFlow.start;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.latchkey.device.support.DeviceFlow;
import io.latchkey.device.support.FakeTokenService;
import io.latchkey.device.support.RedisRecords;
import io.latchkey.device.support.RandomKeyPrefix;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

@QuarkusTest
@QuarkusTestResource(RandomKeyPrefix.class)
@QuarkusTestResource(FakeTokenService.class)
class DeviceTokenResourceTest {

    @Inject
    RedisDataSource redis;

    @ConfigProperty(name = "latchkey.redis.key-prefix")
    String prefix;

    @ConfigProperty(name = "latchkey.services.token-url")
    String tokenServiceUrl;

    @Test
    void aPendingAuthorizationAnswersAuthorizationPending() {
        String deviceCode = start("cli").getString("device_code");
        poll(deviceCode, "cli").then()
                .statusCode(400)
                .contentType(ContentType.JSON)
                .header("Cache-Control", "no-store")
                .body("error", equalTo("authorization_pending"))
                .body("interval", nullValue());
    }

    @Test
    void aPendingPollOfAPublicClientNeverCallsTokenService() {
        String deviceCode = start("cli").getString("device_code");
        JsonPath before = stats();
        poll(deviceCode, "cli").then().body("error", equalTo("authorization_pending"));
        JsonPath after = stats();
        assertEquals(before.getInt("authenticate"), after.getInt("authenticate"));
        assertEquals(before.getInt("tokens"), after.getInt("tokens"));
    }

    @Test
    void pollingTooFastSlowsDownByFiveSecondsEachTimeAndAnnouncesTheNewInterval() {
        String deviceCode = start("cli").getString("device_code");
        poll(deviceCode, "cli").then().body("error", equalTo("authorization_pending"));
        poll(deviceCode, "cli").then().statusCode(400)
                .body("error", equalTo("slow_down"))
                .body("interval", equalTo(10));
        poll(deviceCode, "cli").then().statusCode(400)
                .body("error", equalTo("slow_down"))
                .body("interval", equalTo(15));
    }

    @Test
    void aTooFastPollDoesNotPushTheNextAllowedPollFurtherOut() {
        String deviceCode = start("cli").getString("device_code");
        poll(deviceCode, "cli").then().body("error", equalTo("authorization_pending"));
        String nextAllowed = RedisRecords.field(redis, prefix, deviceCode, "n");
        poll(deviceCode, "cli").then().body("error", equalTo("slow_down"));
        assertEquals(nextAllowed, RedisRecords.field(redis, prefix, deviceCode, "n"));
    }

    @Test
    void aPollAtTheRightTimeAfterSlowDownIsPendingAgainAndTheGrownIntervalSticks() {
        String deviceCode = start("cli").getString("device_code");
        poll(deviceCode, "cli").then().body("error", equalTo("authorization_pending"));
        poll(deviceCode, "cli").then().body("error", equalTo("slow_down")).body("interval", equalTo(10));
        // the device waited: the next allowed poll time has passed
        RedisRecords.setField(redis, prefix, deviceCode, "n", System.currentTimeMillis() - 1);
        poll(deviceCode, "cli").then().statusCode(400).body("error", equalTo("authorization_pending"));
        long nextAllowed = Long.parseLong(RedisRecords.field(redis, prefix, deviceCode, "n"));
        long wait = nextAllowed - System.currentTimeMillis();
        // RFC 8628 §3.5: the increased interval applies to all later requests
        assertEquals(10, Math.round(wait / 1000.0), "next poll allowed after the grown 10 s interval");
    }

    @Test
    void aPollSlightlyEarlyWithinTheToleranceIsStillPending() {
        String deviceCode = start("cli").getString("device_code");
        poll(deviceCode, "cli").then().body("error", equalTo("authorization_pending"));
        RedisRecords.setField(redis, prefix, deviceCode, "n", System.currentTimeMillis() + 500);
        poll(deviceCode, "cli").then().body("error", equalTo("authorization_pending"));
    }

    @Test
    void aDeniedAuthorizationAnswersAccessDenied() {
        JsonPath started = start("cli");
        deny(started.getString("user_code")).then().statusCode(204);
        poll(started.getString("device_code"), "cli").then().statusCode(400).body("error", equalTo("access_denied"));
    }

    @Test
    void anExpiredDeviceCodeAnswersExpiredTokenNotInvalidGrant() {
        String deviceCode = start("cli").getString("device_code");
        RedisRecords.setField(redis, prefix, deviceCode, "e", System.currentTimeMillis() - 1000);
        poll(deviceCode, "cli").then().statusCode(400).body("error", equalTo("expired_token"));
    }

    @Test
    void theSignInOfAnOpenidApprovalReachesTheMintUnchanged() {
        JsonPath started = start("cli", "openid db:read");
        String body = "{\"subject\":\"user-43\",\"grant_id\":\"grant-8\",\"scope\":\"openid\","
                + "\"identity\":{\"auth_time\":1767225600,\"name\":\"Ada\",\"preferred_username\":\"ada@x.dev\","
                + "\"email\":\"ada@x.dev\",\"email_verified\":false}}";
        io.latchkey.device.support.DeviceFlow.internal().contentType(ContentType.JSON).body(body)
                .post("/internal/device/user-codes/{code}/approve", started.getString("user_code"))
                .then().statusCode(204);
        poll(started.getString("device_code"), "cli").then().statusCode(200);
        // OIDC Core §2: token-service mints the ID Token from this sign-in (auth_time, claims)
        JsonPath minted = stats();
        assertEquals(1767225600L, minted.getLong("last_token_request.identity.auth_time"));
        assertEquals("ada@x.dev", minted.getString("last_token_request.identity.email"));
        assertEquals("Ada", minted.getString("last_token_request.identity.name"));
    }

    @Test
    void aMalformedSignInIsRefusedAtApproval() {
        JsonPath started = start("cli", "openid");
        for (String identity : new String[] {"{\"auth_time\":0}", "{\"auth_time\":5,\"nonce\":\"a\\u0001\"}",
                "{\"auth_time\":5,\"name\":\"" + "n".repeat(600) + "\"}"}) {
            io.latchkey.device.support.DeviceFlow.internal().contentType(ContentType.JSON)
                    .body("{\"subject\":\"u\",\"grant_id\":\"g\",\"identity\":" + identity + "}")
                    .post("/internal/device/user-codes/{code}/approve", started.getString("user_code"))
                    .then().statusCode(400).body("error", equalTo("invalid_request"));
        }
    }

    @Test
    void anApprovedAuthorizationYieldsTheTokensOnce() {
        JsonPath started = start("cli", "openid db:read db:write");
        approve(started.getString("user_code"), "user-42", "grant-7", "openid db:read").then().statusCode(204);
        String deviceCode = started.getString("device_code");

        poll(deviceCode, "cli").then()
                .statusCode(200)
                .contentType(ContentType.JSON)
                .header("Cache-Control", "no-store")
                .header("Pragma", "no-cache")
                .body("access_token", equalTo("at.user-42.grant-7"))
                .body("token_type", equalTo("Bearer"))
                .body("scope", equalTo("openid db:read"));
        JsonPath minted = stats();
        assertEquals("cli", minted.getString("last_token_request.client_id"));
        assertEquals("user-42", minted.getString("last_token_request.subject"));
        assertEquals("grant-7", minted.getString("last_token_request.grant_id"));
        assertEquals("openid db:read", minted.getString("last_token_request.scope"));
        assertEquals(FakeTokenService.DEVICE_GRANT, minted.getString("last_token_request.grant_type"));

        poll(deviceCode, "cli").then().statusCode(400).body("error", equalTo("invalid_grant"));
    }

    @Test
    void theMintCarriesWhereTheDeviceAskedFromAsTheSession() {
        // docs/internal-api.md "Sessions" item 1: user_agent, ip and device_name (null: the CLI reports none)
        JsonPath started = form().formParam("client_id", "cli").formParam("scope", "db:read")
                .header("X-Latchkey-Client-IP", "2001:db8::42")
                .header("X-Latchkey-Identity", "dev-identity-secret-0123456789abcdef")
                .header("User-Agent", "latchkey-cli/0.1.0 (Linux; laptop-7)")
                .post("/oauth/device_authorization").then().statusCode(200).extract().jsonPath();
        String deviceCode = started.getString("device_code");
        approve(started.getString("user_code"), "user-s", "grant-s", null).then().statusCode(204);
        poll(deviceCode, "cli").then().statusCode(200);
        JsonPath minted = stats();
        assertEquals("latchkey-cli/0.1.0 (Linux; laptop-7)", minted.getString("last_token_request.session.user_agent"));
        assertEquals("2001:db8::42", minted.getString("last_token_request.session.ip"));
        assertEquals(null, minted.getString("last_token_request.session.device_name"));
    }

    @Test
    void aDeviceCodeThisServiceCannotHaveIssuedIsInvalidGrant() {
        // RFC 6749 §5.2: wrong length or alphabet answer invalid_grant at once, like an unknown code
        for (String code : new String[] {"x", "A".repeat(io.latchkey.device.device.DeviceCodes.LENGTH - 1),
                "A".repeat(io.latchkey.device.device.DeviceCodes.LENGTH - 1) + "=",
                "A".repeat(io.latchkey.device.device.DeviceCodes.LENGTH + 1)}) {
            poll(code, "cli").then().statusCode(400).header("Cache-Control", "no-store")
                    .body("error", equalTo("invalid_grant"));
        }
        poll("A".repeat(io.latchkey.device.device.DeviceCodes.LENGTH), "cli").then().statusCode(400)
                .body("error", equalTo("invalid_grant"));
    }

    @Test
    void aUserDisabledAfterApprovingGetsNoTokens() {
        JsonPath started = start("cli", "db:read");
        approve(started.getString("user_code"), "disabled-user-1", "grant-d", null).then().statusCode(204);
        String deviceCode = started.getString("device_code");
        int mintsBefore = stats().getInt("tokens");

        // beyond RFC 8628: the user's status is checked again when the device code is redeemed
        poll(deviceCode, "cli").then().statusCode(400).body("error", equalTo("access_denied"));
        assertEquals(mintsBefore, stats().getInt("tokens"), "nothing was minted");
        poll(deviceCode, "cli").then().statusCode(400).body("error", equalTo("invalid_grant"));
    }

    @Test
    void whenTokenServiceFailsTheApprovalIsKeptAndTheNextPollGetsTheTokens() {
        JsonPath started = start("cli", "db:read");
        approve(started.getString("user_code"), "user-9", "grant-9", null).then().statusCode(204);
        String deviceCode = started.getString("device_code");
        given().post(tokenServiceUrl + "/_fail_next_mint").then().statusCode(204);

        poll(deviceCode, "cli").then().statusCode(503).body("error", equalTo("temporarily_unavailable"));
        poll(deviceCode, "cli").then().statusCode(200).body("access_token", equalTo("at.user-9.grant-9"));
        poll(deviceCode, "cli").then().statusCode(400).body("error", equalTo("invalid_grant"));
    }

    @Test
    void anApprovalWithoutScopeGrantsEverythingTheDeviceAskedFor() {
        JsonPath started = start("cli", "db:read");
        approve(started.getString("user_code"), "user-1", "grant-1", null).then().statusCode(204);
        poll(started.getString("device_code"), "cli").then().statusCode(200).body("scope", equalTo("db:read"));
    }

    @Test
    void twentyRacingPollsAfterApprovalGiveExactlyOneToken() throws Exception {
        JsonPath started = start("cli");
        approve(started.getString("user_code"), "user-race", "grant-race", null).then().statusCode(204);
        String deviceCode = started.getString("device_code");

        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Callable<Response>> polls = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                polls.add(() -> poll(deviceCode, "cli"));
            }
            int ok = 0;
            int refused = 0;
            for (Future<Response> f : pool.invokeAll(polls)) {
                Response r = f.get();
                String error = r.statusCode() == 200 ? null : r.jsonPath().getString("error");
                if (r.statusCode() == 200) {
                    ok++;
                } else if ("invalid_grant".equals(error) || "authorization_pending".equals(error)) {
                    refused++;
                }
            }
            assertEquals(1, ok, "exactly one poll gets the tokens");
            assertEquals(19, refused, "the others get invalid_grant, or authorization_pending while it mints");
            poll(deviceCode, "cli").then().statusCode(400).body("error", equalTo("invalid_grant"));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anotherClientsDeviceCodeIsInvalidGrant() {
        String deviceCode = start("cli").getString("device_code");
        poll(deviceCode, "tv").then().statusCode(400).body("error", equalTo("invalid_grant"));
    }

    @Test
    void anUnknownDeviceCodeIsInvalidGrant() {
        poll("not-a-device-code", "cli").then().statusCode(400).body("error", equalTo("invalid_grant"));
    }

    @Test
    void aMissingDeviceCodeIsInvalidRequest() {
        form().formParam("grant_type", DeviceFlow.DEVICE_GRANT).formParam("client_id", "cli")
                .post("/oauth/token").then().statusCode(400).body("error", equalTo("invalid_request"));
    }

    @Test
    void aMissingClientIdIsInvalidRequest() {
        form().formParam("grant_type", DeviceFlow.DEVICE_GRANT).formParam("device_code", "x")
                .post("/oauth/token").then().statusCode(400).body("error", equalTo("invalid_request"));
    }

    @Test
    void anotherGrantTypeIsUnsupportedHere() {
        form().formParam("grant_type", "authorization_code").formParam("client_id", "cli")
                .post("/oauth/token").then().statusCode(400).body("error", equalTo("unsupported_grant_type"));
    }

    @Test
    void aRepeatedDeviceCodeIsInvalidRequest() {
        form().formParam("grant_type", DeviceFlow.DEVICE_GRANT).formParam("client_id", "cli")
                .formParam("device_code", "a").formParam("device_code", "b")
                .post("/oauth/token").then().statusCode(400).body("error", equalTo("invalid_request"));
    }

    @Test
    void aConfidentialClientsDeviceCodePolledWithoutAuthenticationIsInvalidClient() {
        String deviceCode = form().formParam("client_id", "conf:dev")
                .formParam("client_secret", FakeTokenService.CONFIDENTIAL_SECRET)
                .post("/oauth/device_authorization").then().statusCode(200).extract().jsonPath().getString("device_code");
        poll(deviceCode, "conf:dev").then().statusCode(401).body("error", equalTo("invalid_client"));
    }

    @Test
    void aConfidentialClientPollsWithBasicAuthentication() {
        String deviceCode = form().formParam("client_id", "conf:dev")
                .formParam("client_secret", FakeTokenService.CONFIDENTIAL_SECRET)
                .post("/oauth/device_authorization").then().statusCode(200).extract().jsonPath().getString("device_code");
        String credentials = "conf%3Adev:" + java.net.URLEncoder.encode(FakeTokenService.CONFIDENTIAL_SECRET,
                StandardCharsets.UTF_8);
        given().header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        credentials.getBytes(StandardCharsets.UTF_8)))
                .contentType(ContentType.URLENC)
                .formParam("grant_type", DeviceFlow.DEVICE_GRANT)
                .formParam("device_code", deviceCode)
                .post("/oauth/token").then().statusCode(400).body("error", equalTo("authorization_pending"));
    }

    @Test
    void aConfidentialClientWithAWrongSecretIsInvalidClient() {
        form().formParam("grant_type", DeviceFlow.DEVICE_GRANT).formParam("device_code", "x")
                .formParam("client_id", "conf:dev").formParam("client_secret", "wrong")
                .post("/oauth/token").then().statusCode(401).body("error", equalTo("invalid_client"));
    }

    private JsonPath stats() {
        return given().get(tokenServiceUrl + "/_stats").then().statusCode(200).extract().jsonPath();
    }
}
