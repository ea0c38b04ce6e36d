package io.latchkey.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** RFC 8628 end to end through the gateway, with the user's part in a real headless Chromium. */
@org.junit.jupiter.api.Order(2)
class DeviceFlowE2ETest {

    static final String DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";
    static Platform platform;

    @BeforeAll
    static void platform() {
        platform = Platform.get();
    }

    @Test
    void aCliGetsTokensAfterTheUserApprovesInTheBrowser() throws Exception {
        String base = platform.baseUrl();
        JsonPath auth = given().formParam("client_id", Platform.CLI).formParam("scope", "profile db:read")
                .post(base + "/oauth/device_authorization")
                .then().statusCode(200).header("Cache-Control", "no-store").extract().jsonPath();
        String deviceCode = auth.getString("device_code");
        String userCode = auth.getString("user_code");
        assertEquals(base + "/device", auth.getString("verification_uri"));
        assertTrue(userCode.matches("[BCDFGHJKLMNPQRSTVWXZ]{4}-[BCDFGHJKLMNPQRSTVWXZ]{4}"), userCode);

        // RFC 8628 §3.5: pending while the user has not decided
        poll(base, deviceCode).then().statusCode(400).body("error", equalTo("authorization_pending"));

        try (Browser browser = new Browser()) {
            approveInBrowser(browser, auth.getString("verification_uri"), userCode);
        }

        Thread.sleep(auth.getInt("interval") * 1000L);
        JsonPath tokens = poll(base, deviceCode).then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body("token_type", equalTo("Bearer"))
                .extract().jsonPath();
        assertNotNull(tokens.getString("refresh_token"), "the CLI may refresh");

        SignedJWT jwt = SignedJWT.parse(tokens.getString("access_token"));
        JWKSet jwks = JWKSet.parse(given().get(base + "/oauth/jwks").asString());
        assertTrue(jwt.verify(new ECDSAVerifier((ECKey) jwks.getKeyByKeyId(jwt.getHeader().getKeyID()))));
        assertEquals("at+jwt", jwt.getHeader().getType().getType());
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertEquals(base, claims.getIssuer());
        assertEquals(Platform.CLI, claims.getStringClaim("client_id"));
        assertEquals("profile db:read", claims.getStringClaim("scope"));
        assertNotNull(claims.getSubject());
        assertNotEquals(Platform.CLI, claims.getSubject(), "sub is the user, not the client");
        assertTrue(!claims.getAudience().isEmpty());
        assertNotNull(claims.getStringClaim("gid"), "the grant id travels in the token");

        // consumed: the code is gone
        poll(base, deviceCode).then().statusCode(400).body("error", equalTo("invalid_grant"));
    }

    @Test
    void pollingTooFastSlowsTheClientDownByFiveSecondsEachTime() {
        String base = platform.baseUrl();
        String deviceCode = start(base).getString("device_code");
        poll(base, deviceCode).then().statusCode(400).body("error", equalTo("authorization_pending"));
        // RFC 8628 §3.5: slow_down, and the interval grows by 5 s for this and later requests
        poll(base, deviceCode).then().statusCode(400).body("error", equalTo("slow_down")).body("interval", equalTo(10));
        poll(base, deviceCode).then().statusCode(400).body("error", equalTo("slow_down")).body("interval", equalTo(15));
    }

    @Test
    void racingPollsAfterApprovalGetExactlyOneTokenResponse() throws Exception {
        String base = platform.baseUrl();
        JsonPath auth = start(base);
        // approve through device-service's internal API, as consent-service does after the user says yes
        given().header("X-Latchkey-Internal", Platform.INTERNAL_SECRET).contentType("application/json")
                .body("{\"subject\":\"" + platform.demoUserId() + "\",\"grant_id\":\"race-grant\",\"scope\":\"db:read\"}")
                .post(platform.device.url() + "/internal/device/user-codes/" + auth.getString("user_code") + "/approve")
                .then().statusCode(204);
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Callable<Integer>> polls = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                polls.add(() -> poll(base, auth.getString("device_code")).statusCode());
            }
            int ok = 0;
            for (Future<Integer> f : pool.invokeAll(polls)) {
                ok += f.get() == 200 ? 1 : 0;
            }
            assertEquals(1, ok, "exactly one poll gets tokens");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anotherClientsDeviceCodeIsInvalidGrant() {
        String base = platform.baseUrl();
        String deviceCode = start(base).getString("device_code");
        given().auth().preemptive().basic(Platform.PARTNER_WEB, Platform.PARTNER_WEB_SECRET)
                .formParam("grant_type", DEVICE_GRANT).formParam("device_code", deviceCode)
                .post(base + "/oauth/token")
                .then().statusCode(400).body("error", equalTo("invalid_grant"));
    }

    /** The user's part of the device flow: open the verification URI, sign in as the demo user, enter and approve. */
    static void approveInBrowser(Browser browser, String verificationUri, String userCode) {
        approveInBrowser(browser, verificationUri, userCode, Platform.DEMO_USER, Platform.DEMO_PASSWORD);
    }

    /** The same, signed in as this user. */
    static void approveInBrowser(Browser browser, String verificationUri, String userCode, String user, String password) {
        browser.open(verificationUri);
        browser.signIn(user, password);
        // RFC 8628 §6.1: lower case and no dash still match
        browser.type(By.name("user_code"), userCode.replace("-", "").toLowerCase());
        browser.click(By.cssSelector("form[action='/device'] button[type=submit]"));
        browser.awaitText("Latchkey CLI");
        String confirm = browser.text();
        assertTrue(confirm.toLowerCase().contains("device"), "the page says a device is asking (§5.4)");
        browser.click(By.cssSelector("button[name=decision][value=approve]"));
        browser.awaitText("Device connected");
    }

    static JsonPath start(String base) {
        return given().formParam("client_id", Platform.CLI).formParam("scope", "db:read")
                .post(base + "/oauth/device_authorization").then().statusCode(200).extract().jsonPath();
    }

    static Response poll(String base, String deviceCode) {
        return given().formParam("grant_type", DEVICE_GRANT).formParam("client_id", Platform.CLI)
                .formParam("device_code", deviceCode).post(base + "/oauth/token");
    }
}
