package io.latchkey.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;

/**
 * One session of an app (a refresh-token family) revoked through token-service's
 * {@code POST /internal/grants/{grant_id}/sessions/{session_id}/revoke}: its access tokens are refused at both gateways
 * within a second and its refresh token is dead, while the grant's other session keeps working; the session the device
 * reported is listed by {@code POST /internal/grants/usage} until then.
 */
@org.junit.jupiter.api.Order(4)
class SessionRevocationE2ETest {

    static Platform platform;

    @BeforeAll
    static void platform() {
        platform = Platform.get();
    }

    @Test
    void revokingOneSessionCutsOffItsAccessTokensAtEveryGatewayAndSparesTheOtherSession() throws Exception {
        String base = platform.baseUrl();
        String second = platform.secondGatewayUrl();
        String grantId = "grant-" + UUID.randomUUID();
        JsonPath laptop = mint(grantId, "{\"user_agent\":\"latchkey-cli/1.0 (Linux; laptop-7)\",\"ip\":\"203.0.113.7\"}");
        JsonPath phone = mint(grantId, null);
        String session = sid(laptop.getString("access_token"));
        for (String gateway : new String[] {base, second}) {
            me(gateway, laptop.getString("access_token")).statusCode(200);
        }
        JsonPath usage = given().header("X-Latchkey-Internal", Platform.INTERNAL_SECRET).contentType("application/json")
                .body("{\"grant_ids\":[\"" + grantId + "\"]}").post(platform.token.url() + "/internal/grants/usage")
                .then().statusCode(200).extract().jsonPath();
        assertTrue(usage.getList("'" + grantId + "'.sessions.session_id").contains(session));

        long revoked = System.nanoTime();
        given().header("X-Latchkey-Internal", Platform.INTERNAL_SECRET)
                .post(platform.token.url() + "/internal/grants/" + grantId + "/sessions/" + session + "/revoke")
                .then().statusCode(200).body("session_id", equalTo(session));
        for (String gateway : new String[] {base, second}) {
            long deadline = revoked + TimeUnit.SECONDS.toNanos(5);
            while (me(gateway, laptop.getString("access_token")).extract().statusCode() != 401) {
                assertTrue(System.nanoTime() < deadline, gateway + " still accepts the token after 5 s");
            }
            long millis = (System.nanoTime() - revoked) / 1_000_000;
            System.out.printf("session revocation refused at %s after %d ms%n", gateway, millis);
            assertTrue(millis < 1000, gateway + " refused it only after " + millis + " ms");
        }
        refresh(base, laptop.getString("refresh_token")).then().statusCode(400).body("error", equalTo("invalid_grant"));

        me(base, phone.getString("access_token")).statusCode(200);
        me(second, phone.getString("access_token")).statusCode(200);
        refresh(base, phone.getString("refresh_token")).then().statusCode(200);
        assertEquals(1, given().header("X-Latchkey-Internal", Platform.INTERNAL_SECRET).contentType("application/json")
                .body("{\"grant_ids\":[\"" + grantId + "\"]}").post(platform.token.url() + "/internal/grants/usage")
                .then().statusCode(200).extract().jsonPath().getList("'" + grantId + "'.sessions").size());
    }

    private static JsonPath mint(String grantId, String session) {
        return given().header("X-Latchkey-Internal", Platform.INTERNAL_SECRET).contentType("application/json")
                .body("{\"client_id\":\"" + Platform.CLI + "\",\"subject\":\"" + platform.demoUserId() + "\","
                        + "\"scope\":\"profile db:read\",\"grant_id\":\"" + grantId + "\","
                        + "\"grant_type\":\"urn:ietf:params:oauth:grant-type:device_code\""
                        + (session == null ? "" : ",\"session\":" + session) + "}")
                .post(platform.token.url() + "/internal/tokens").then().statusCode(200).extract().jsonPath();
    }

    private static String sid(String accessToken) {
        String payload = accessToken.split("\\.")[1];
        return JsonPath.from(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8)).getString("sid");
    }

    private static io.restassured.response.ValidatableResponse me(String gateway, String accessToken) {
        return given().auth().oauth2(accessToken).get(gateway + "/api/v1/me").then();
    }

    private static io.restassured.response.Response refresh(String base, String refreshToken) {
        return given().formParam("grant_type", "refresh_token").formParam("client_id", Platform.CLI)
                .formParam("refresh_token", refreshToken).post(base + "/oauth/token");
    }
}
