package io.latchkey.device.web;

import static io.latchkey.device.support.DeviceFlow.form;
import static io.latchkey.device.support.DeviceFlow.start;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.latchkey.device.support.DeviceFlow;
import io.latchkey.device.support.FakeTokenService;
import io.latchkey.device.support.RandomKeyPrefix;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.keys.KeyScanArgs;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@QuarkusTestResource(RandomKeyPrefix.class)
@QuarkusTestResource(FakeTokenService.class)
class DeviceAuthorizationResourceTest {

    @Inject
    RedisDataSource redis;

    @ConfigProperty(name = "latchkey.redis.key-prefix")
    String prefix;

    @ConfigProperty(name = "latchkey.services.token-url")
    String tokenServiceUrl;

    @Test
    void aPublicClientGetsEveryFieldOfTheDeviceAuthorizationResponse() {
        form().formParam("client_id", "cli").formParam("scope", "openid db:read")
                .post("/oauth/device_authorization")
                .then()
                .statusCode(200)
                .contentType(ContentType.JSON)
                .header("Cache-Control", "no-store")
                // the record's 15-character locator, then 256 random bits (RFC 8628 §5.2)
                .body("device_code", matchesPattern("[A-Za-z0-9_-]{58}"))
                .body("user_code", matchesPattern("[BCDFGHJKLMNPQRSTVWXZ]{4}-[BCDFGHJKLMNPQRSTVWXZ]{4}"))
                .body("verification_uri", equalTo("http://localhost:8080/device"))
                .body("verification_uri_complete", matchesPattern("http://localhost:8080/device\\?user_code=[A-Z]{4}-[A-Z]{4}"))
                .body("expires_in", equalTo(600))
                .body("interval", equalTo(5));
    }

    @Test
    void theCompleteVerificationUriCarriesTheSameUserCode() {
        JsonPath answer = start("cli");
        assertEquals("http://localhost:8080/device?user_code=" + answer.getString("user_code"),
                answer.getString("verification_uri_complete"));
    }

    @Test
    void redisHoldsOnlyHashesOfTheCodesNeverTheCodesThemselves() {
        JsonPath answer = start("cli", "db:read");
        String deviceCode = answer.getString("device_code");
        String userCode = answer.getString("user_code");
        String bareUserCode = userCode.replace("-", "");

        List<String> keys = new ArrayList<>();
        for (String key : redis.key().scan(new KeyScanArgs().match(prefix + "*").count(100)).toIterable()) {
            keys.add(key);
        }
        assertFalse(keys.isEmpty(), "the authorization is stored under the test's key prefix");
        for (String key : keys) {
            List<String> contents = new ArrayList<>(List.of(key));
            String type = redis.execute("TYPE", key).toString();
            if (type.equals("hash")) {
                redis.hash(String.class).hgetall(key).forEach((f, v) -> {
                    contents.add(f);
                    contents.add(v);
                });
            } else if (type.equals("string")) {
                contents.add(redis.value(String.class).get(key));
            }
            for (String content : contents) {
                assertFalse(content.contains(deviceCode), "raw device code found in " + key);
                assertFalse(content.contains(userCode) || content.contains(bareUserCode), "raw user code found in " + key);
                // RFC 8628 §5.1: a user code has ~34.5 bits; an unkeyed hash of it could be reversed offline
                assertFalse(content.contains(io.latchkey.common.crypto.Secrets.sha256Base64Url(bareUserCode)),
                        "unkeyed hash of the user code found in " + key);
            }
        }
    }

    @Test
    void storedKeysLiveForExpiresInPlusTheGracePeriod() {
        String deviceCode = start("cli").getString("device_code");
        long ttl = redis.key().pttl(io.latchkey.device.support.RedisRecords.recordKey(prefix, deviceCode));
        assertTrue(ttl > 890_000 && ttl <= 900_000, "ttl was " + ttl);
    }

    @Test
    void withoutAScopeTheClientGetsAllItsScopesButOpenid() {
        String userCode = start("cli").getString("user_code");
        DeviceFlow.lookup(userCode).then().statusCode(200).body("scope", equalTo("profile db:read db:write"));
    }

    @Test
    void theDeviceIpComesFromTheGatewaysClientAddressAndTheUserAgentIsKept() {
        String userCode = form().formParam("client_id", "cli")
                .header("X-Latchkey-Client-IP", "203.0.113.7")
                .header("X-Latchkey-Identity", "dev-identity-secret-0123456789abcdef")
                .header("User-Agent", "latchkey-cli/1.0")
                .post("/oauth/device_authorization").then().statusCode(200).extract().jsonPath().getString("user_code");
        DeviceFlow.lookup(userCode).then().statusCode(200)
                .body("device_ip", equalTo("203.0.113.7"))
                .body("device_user_agent", equalTo("latchkey-cli/1.0"));
    }

    @Test
    void aClientNotRegisteredForTheDeviceGrantIsUnauthorizedClient() {
        form().formParam("client_id", "web-app")
                .post("/oauth/device_authorization")
                .then().statusCode(400).header("Cache-Control", "no-store")
                .body("error", equalTo("unauthorized_client"));
    }

    @Test
    void aScopeOutsideTheClientsScopesIsInvalidScope() {
        form().formParam("client_id", "tv").formParam("scope", "db:read db:write")
                .post("/oauth/device_authorization")
                .then().statusCode(400).body("error", equalTo("invalid_scope"));
    }

    @Test
    void anUnknownClientIsInvalidClientWithAChallenge() {
        form().formParam("client_id", "nobody")
                .post("/oauth/device_authorization")
                .then().statusCode(401)
                .header("WWW-Authenticate", matchesPattern("Basic.*"))
                .body("error", equalTo("invalid_client"));
    }

    @Test
    void aConfidentialClientWithAWrongSecretIsInvalidClient() {
        given().auth().preemptive().basic("conf%3Adev", "wrong")
                .contentType(ContentType.URLENC)
                .post("/oauth/device_authorization")
                .then().statusCode(401).body("error", equalTo("invalid_client"));
    }

    @Test
    void aConfidentialClientWithoutASecretIsInvalidClient() {
        form().formParam("client_id", "conf:dev")
                .post("/oauth/device_authorization")
                .then().statusCode(401).body("error", equalTo("invalid_client"));
    }

    @Test
    void aConfidentialClientAuthenticatesWithUrlEncodedBasicCredentials() {
        // RFC 6749 §2.3.1: id and secret are form-urlencoded before the Basic encoding
        String credentials = "conf%3Adev:" + java.net.URLEncoder.encode(FakeTokenService.CONFIDENTIAL_SECRET,
                StandardCharsets.UTF_8);
        given().header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        credentials.getBytes(StandardCharsets.UTF_8)))
                .contentType(ContentType.URLENC).formParam("scope", "db:write")
                .post("/oauth/device_authorization")
                .then().statusCode(200).body("device_code", matchesPattern("[A-Za-z0-9_-]{58}"));
    }

    @Test
    void aConfidentialClientAuthenticatesWithClientSecretPost() {
        form().formParam("client_id", "conf:dev").formParam("client_secret", FakeTokenService.CONFIDENTIAL_SECRET)
                .post("/oauth/device_authorization")
                .then().statusCode(200);
    }

    @Test
    void usingBasicAndClientSecretPostTogetherIsInvalidRequest() {
        given().auth().preemptive().basic("conf%3Adev", "x")
                .contentType(ContentType.URLENC).formParam("client_secret", "x")
                .post("/oauth/device_authorization")
                .then().statusCode(400).body("error", equalTo("invalid_request"));
    }

    @Test
    void aMissingClientIdIsInvalidRequest() {
        form().formParam("scope", "db:read")
                .post("/oauth/device_authorization")
                .then().statusCode(400).body("error", equalTo("invalid_request"))
                .body("error_description", matchesPattern(".*client_id.*"));
    }

    @Test
    void anEmptyClientIdCountsAsMissing() {
        form().formParam("client_id", "")
                .post("/oauth/device_authorization")
                .then().statusCode(400).body("error", equalTo("invalid_request"));
    }

    @Test
    void aRepeatedParameterIsInvalidRequest() {
        form().formParam("client_id", "cli").formParam("scope", "db:read").formParam("scope", "openid")
                .post("/oauth/device_authorization")
                .then().statusCode(400).body("error", equalTo("invalid_request"));
    }

    @Test
    void aJsonBodyIsInvalidRequestNotAServerError() {
        given().contentType(ContentType.JSON).body("{\"client_id\":\"cli\"}")
                .post("/oauth/device_authorization")
                .then().statusCode(400).body("error", equalTo("invalid_request"));
    }

    @Test
    void aGetIsMethodNotAllowedAsJson() {
        given().get("/oauth/device_authorization")
                .then().statusCode(405).body("error", equalTo("method_not_allowed"));
    }

    @Test
    void aPublicClientLookupIsCachedSoRepeatedRequestsDoNotCallTokenService() {
        start("tv");
        int before = stats().getInt("authenticate");
        start("tv");
        start("tv");
        assertEquals(before, stats().getInt("authenticate"));
    }

    @Test
    void failedAuthenticationsAreNotCached() {
        int before = stats().getInt("authenticate");
        form().formParam("client_id", "nobody-else").post("/oauth/device_authorization").then().statusCode(401);
        form().formParam("client_id", "nobody-else").post("/oauth/device_authorization").then().statusCode(401);
        assertEquals(before + 2, stats().getInt("authenticate"));
    }

    @Test
    void errorsNeverCarryAStackTrace() {
        form().formParam("client_id", "web-app").post("/oauth/device_authorization")
                .then().body("stack", nullValue()).body("exception", nullValue());
    }

    private JsonPath stats() {
        return given().get(tokenServiceUrl + "/_stats").then().statusCode(200).extract().jsonPath();
    }
}
