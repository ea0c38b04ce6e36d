package io.latchkey.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import com.nimbusds.jwt.SignedJWT;

import io.restassured.path.json.JsonPath;

/**
 * Issue 13 end to end in a real Chromium: two device logins of latchkey-cli from two machines are two sessions of
 * one app; revoking one leaves the other's refresh and API calls working while the revoked one's access token is
 * refused at both gateway replicas within a second; "Revoke all apps" ends everything.
 */
@org.junit.jupiter.api.Order(6)
class AccountSessionsE2ETest {

    static final String LAPTOP_1 = "latchkey-cli/0.1.0 (Linux; laptop-1)";
    static final String LAPTOP_2 = "latchkey-cli/0.1.0 (Mac OS X; laptop-2)";
    /** How soon every gateway must refuse a revoked session's access token (issue 13). */
    static final long WITHIN_NANOS = TimeUnit.SECONDS.toNanos(1);

    static Platform platform;

    @BeforeAll
    static void platform() {
        platform = Platform.get();
    }

    record Login(String accessToken, String refreshToken, String sessionId, String grantId) {
        static Login of(JsonPath tokens) throws Exception {
            var claims = SignedJWT.parse(tokens.getString("access_token")).getJWTClaimsSet();
            return new Login(tokens.getString("access_token"), tokens.getString("refresh_token"),
                    claims.getStringClaim("sid"), claims.getStringClaim("gid"));
        }
    }

    @Test
    void twoDeviceLoginsAreTwoSessionsRevokedOneByOneThenAllAtOnce() throws Exception {
        String base = platform.baseUrl();
        String second = platform.secondGatewayUrl();
        String email = "sessions-" + UUID.randomUUID() + "@example.test";
        String password = "a long passphrase " + UUID.randomUUID();
        try (Browser operator = new Browser(); Browser browser = new Browser()) {
            String admin = UserDisableE2ETest.operatorToken(operator, base);
            given().auth().oauth2(admin).contentType("application/json")
                    .body("{\"email\":\"" + email + "\",\"display_name\":\"Two Laptops\",\"password\":\"" + password + "\"}")
                    .post(base + "/admin/users").then().statusCode(201);

            Login first = deviceLogin(browser, base, LAPTOP_1, email, password);
            Login other = deviceLogin(browser, base, LAPTOP_2, null, null);
            assertEquals(first.grantId(), other.grantId(), "one app, one grant");
            assertNotEquals(first.sessionId(), other.sessionId(), "two sessions");

            browser.open(base + "/account/authorized-apps");
            browser.awaitText("Sessions");
            String list = browser.text();
            assertEquals(2, browser.driver.findElements(By.cssSelector(
                    "li.authorized-app[data-client-id='" + Platform.CLI + "'] li.session")).size(), list);

            // revoke laptop-1's session only
            browser.click(By.cssSelector("li.session[data-session-id='" + first.sessionId() + "'] button"));
            browser.awaitText("Session revoked");
            long revoked = System.nanoTime();
            for (String gateway : List.of(base, second)) {
                assertTrue(refusedBy(gateway, first.accessToken(), revoked + WITHIN_NANOS),
                        gateway + " still accepted the revoked session's access token a second after the revoke");
            }
            assertTrue(browser.driver.findElements(By.cssSelector(
                    "li.session[data-session-id='" + first.sessionId() + "']")).isEmpty(), browser.text());
            assertEquals(1, browser.driver.findElements(By.cssSelector(
                    "li.session[data-session-id='" + other.sessionId() + "']")).size(), browser.text());
            String afterOne = browser.text();
            given().formParam("grant_type", "refresh_token").formParam("client_id", Platform.CLI)
                    .formParam("refresh_token", first.refreshToken()).post(base + "/oauth/token")
                    .then().statusCode(400).body("error", equalTo("invalid_grant"));

            // laptop-2 keeps working: its access token at both gateways, its refresh, the refreshed token
            for (String gateway : List.of(base, second)) {
                given().auth().oauth2(other.accessToken()).get(gateway + "/api/v1/me").then().statusCode(200)
                        .body("user.email", equalTo(email));
            }
            JsonPath refreshed = given().header("User-Agent", LAPTOP_2).formParam("grant_type", "refresh_token")
                    .formParam("client_id", Platform.CLI).formParam("refresh_token", other.refreshToken())
                    .post(base + "/oauth/token").then().statusCode(200).extract().jsonPath();
            Login still = Login.of(refreshed);
            assertEquals(other.sessionId(), still.sessionId(), "a refresh stays in its session");
            for (String gateway : List.of(base, second)) {
                given().auth().oauth2(still.accessToken()).get(gateway + "/api/v1/me").then().statusCode(200);
            }

            // revoke all apps: one confirmation, then nothing works any more
            browser.open(base + "/account/authorized-apps");
            browser.awaitText("Sessions");
            browser.click(By.cssSelector("form[action='/account/authorized-apps/revoke-all'] button"));
            browser.awaitText("Revoke all apps?");
            browser.click(By.cssSelector("button[name=confirm]"));
            browser.awaitText("All apps disconnected");
            long all = System.nanoTime();
            for (String gateway : List.of(base, second)) {
                assertTrue(refusedBy(gateway, still.accessToken(), all + WITHIN_NANOS),
                        gateway + " still accepted an access token a second after revoke-all");
            }
            given().formParam("grant_type", "refresh_token").formParam("client_id", Platform.CLI)
                    .formParam("refresh_token", still.refreshToken()).post(base + "/oauth/token")
                    .then().statusCode(400).body("error", equalTo("invalid_grant"));
            assertTrue(browser.text().contains("No apps have access to your account."), browser.text());
            // post/redirect/get: a reload shows the list again, it does not re-post
            browser.driver.navigate().refresh();
            browser.awaitText("All apps disconnected");

            // each session was named from its device's User-Agent (device-service passes it on redemption)
            assertTrue(list.contains("latchkey CLI on laptop-1 (Linux)"), list);
            assertTrue(list.contains("latchkey CLI on laptop-2 (Mac OS X)"), list);
            assertFalse(afterOne.contains("laptop-1"), afterOne);
            assertTrue(afterOne.contains("laptop-2"), afterOne);
        }
    }

    /** A device login of latchkey-cli from a machine with this User-Agent, approved in the browser (signing in first if asked). */
    private static Login deviceLogin(Browser browser, String base, String userAgent, String email, String password)
            throws Exception {
        JsonPath auth = given().header("User-Agent", userAgent).formParam("client_id", Platform.CLI)
                .formParam("scope", "profile db:read").post(base + "/oauth/device_authorization")
                .then().statusCode(200).extract().jsonPath();
        if (email != null) {
            DeviceFlowE2ETest.approveInBrowser(browser, auth.getString("verification_uri"), auth.getString("user_code"),
                    email, password);
        } else {
            browser.open(auth.getString("verification_uri"));
            browser.type(By.name("user_code"), auth.getString("user_code"));
            browser.click(By.cssSelector("form[action='/device'] button[type=submit]"));
            browser.awaitText("Latchkey CLI");
            browser.click(By.cssSelector("button[name=decision][value=approve]"));
            browser.awaitText("Device connected");
        }
        Thread.sleep(auth.getInt("interval") * 1000L);
        JsonPath tokens = given().header("User-Agent", userAgent)
                .formParam("grant_type", "urn:ietf:params:oauth:grant-type:device_code").formParam("client_id", Platform.CLI)
                .formParam("device_code", auth.getString("device_code")).post(base + "/oauth/token")
                .then().statusCode(200).extract().jsonPath();
        return Login.of(tokens);
    }

    /** Calls /api/v1/me until the gateway refuses the token (true) or the deadline passes (false); bounded. */
    private static boolean refusedBy(String gateway, String accessToken, long deadlineNanos) throws InterruptedException {
        do {
            if (given().auth().oauth2(accessToken).get(gateway + "/api/v1/me").statusCode() == 401) {
                return true;
            }
            Thread.sleep(20);
        } while (System.nanoTime() < deadlineNanos);
        return false;
    }
}
