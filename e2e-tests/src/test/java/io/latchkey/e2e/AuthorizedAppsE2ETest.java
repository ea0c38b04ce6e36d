package io.latchkey.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import com.nimbusds.jwt.SignedJWT;

import io.restassured.path.json.JsonPath;

/**
 * Issue 6 end to end: a CLI authorized through the device flow calls /api/v1/me; the user sees it under Authorized
 * apps in a real Chromium and revokes it; within a second both gateway replicas refuse its access token, its refresh
 * token can no longer mint, and the page no longer lists it.
 */
@org.junit.jupiter.api.Order(3)
class AuthorizedAppsE2ETest {

    static Platform platform;

    @BeforeAll
    static void platform() {
        platform = Platform.get();
    }

    @Test
    void aRevokedAppLosesAccessOnEveryGatewayWithinASecond() throws Exception {
        String base = platform.baseUrl();
        String second = platform.secondGatewayUrl();
        JsonPath auth = given().formParam("client_id", Platform.CLI).formParam("scope", "profile db:read")
                .post(base + "/oauth/device_authorization").then().statusCode(200).extract().jsonPath();

        try (Browser browser = new Browser()) {
            DeviceFlowE2ETest.approveInBrowser(browser, auth.getString("verification_uri"), auth.getString("user_code"));
            Thread.sleep(auth.getInt("interval") * 1000L);
            JsonPath tokens = DeviceFlowE2ETest.poll(base, auth.getString("device_code")).then().statusCode(200)
                    .extract().jsonPath();
            String accessToken = tokens.getString("access_token");
            assertNotNull(tokens.getString("refresh_token"));
            String grantId = SignedJWT.parse(accessToken).getJWTClaimsSet().getStringClaim("gid");

            // the first API a partner calls, through either gateway replica
            for (String gateway : List.of(base, second)) {
                given().auth().oauth2(accessToken).get(gateway + "/api/v1/me").then().statusCode(200)
                        .body("user.email", equalTo(Platform.DEMO_USER))
                        .body("client.client_id", equalTo(Platform.CLI))
                        .body("client.client_name", equalTo("Latchkey CLI"))
                        .body("scopes", hasItems("profile", "db:read"))
                        .body("grant_id", equalTo(grantId));
            }

            browser.open(base + "/account/authorized-apps");
            browser.awaitText("Authorized apps");
            String list = browser.text();
            assertTrue(list.contains("Latchkey CLI"), list);
            assertTrue(list.contains("See your name and email address"), list);
            assertTrue(list.contains("Read your databases and their data"), list);
            assertTrue(list.contains("on a device"), list);

            browser.click(By.cssSelector("li.authorized-app[data-client-id='" + Platform.CLI + "'] form[method=get] button"));
            browser.awaitText("Disconnect Latchkey CLI?");

            // both replicas are watched from before the click; each records when it first refuses the token
            CompletableFuture<Long> first = CompletableFuture.supplyAsync(() -> firstRefusal(base, accessToken));
            CompletableFuture<Long> other = CompletableFuture.supplyAsync(() -> firstRefusal(second, accessToken));
            long clicked = System.nanoTime();
            browser.click(By.cssSelector("button[name=confirm]"));
            browser.awaitText("App disconnected");
            long revoked = System.nanoTime();

            long firstMillis = (first.get(10, TimeUnit.SECONDS) - revoked) / 1_000_000;
            long otherMillis = (other.get(10, TimeUnit.SECONDS) - revoked) / 1_000_000;
            System.out.printf("Revoke page took %d ms; gateway 1 refused %d ms and gateway 2 %d ms after it%n",
                    (revoked - clicked) / 1_000_000, firstMillis, otherMillis);
            assertTrue(firstMillis < 1000, "gateway 1 enforced the revoke after " + firstMillis + " ms");
            assertTrue(otherMillis < 1000, "gateway 2 enforced the revoke after " + otherMillis + " ms");
            for (String gateway : List.of(base, second)) {
                given().auth().oauth2(accessToken).get(gateway + "/api/v1/me").then().statusCode(401)
                        .header("WWW-Authenticate", startsWith("Bearer error=\"invalid_token\""))
                        .body("error", equalTo("invalid_token"));
            }

            // the refresh token is dead: every refresh token of the grant is revoked, and the grant mints nothing more
            assertEquals(0, liveRefreshTokens(grantId));
            given().header("X-Latchkey-Internal", Platform.INTERNAL_SECRET).contentType("application/json")
                    .body("{\"client_id\":\"" + Platform.CLI + "\",\"subject\":\"x\",\"scope\":\"db:read\",\"grant_id\":\""
                            + grantId + "\",\"grant_type\":\"refresh_token\"}")
                    .post(platform.token.url() + "/internal/tokens")
                    .then().statusCode(400).body("error", equalTo("invalid_grant"));
            // RFC 7662 §2.2: a revoked token is not active
            given().auth().preemptive().basic(Platform.RESOURCE_SERVER, Platform.RESOURCE_SERVER_SECRET)
                    .formParam("token", accessToken).post(base + "/oauth/introspect")
                    .then().statusCode(200).body("active", equalTo(false));
            String refreshError = given().formParam("grant_type", "refresh_token").formParam("client_id", Platform.CLI)
                    .formParam("refresh_token", tokens.getString("refresh_token")).post(base + "/oauth/token")
                    .then().statusCode(400).extract().path("error");
            assertEquals("invalid_grant", refreshError, "the refresh token of a revoked grant is dead");

            browser.open(base + "/account/authorized-apps");
            browser.awaitText("Authorized apps");
            assertFalse(browser.text().contains("Latchkey CLI"), browser.text());
        }
    }

    /** Calls /api/v1/me every 10 ms until the gateway refuses the token; the nanoTime of the first refusal. */
    static long firstRefusal(String gateway, String accessToken) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            int status = given().auth().oauth2(accessToken).get(gateway + "/api/v1/me").statusCode();
            long at = System.nanoTime();
            if (status == 401) {
                return at;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Long.MAX_VALUE;
            }
        }
        return Long.MAX_VALUE;
    }

    private static long liveRefreshTokens(String grantId) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + platform.database, "postgres", "");
             PreparedStatement s = c.prepareStatement(
                     "SELECT count(*) FROM token.refresh_tokens WHERE grant_id = ? AND revoked_at IS NULL")) {
            s.setString(1, grantId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
