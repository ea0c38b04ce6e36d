package io.latchkey.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;

/**
 * Issue 12: an operator (a user with the operator role, through the CLI's device flow with scope admin) creates a
 * user with the admin API and disables them: their refresh token answers invalid_grant, their access token is refused
 * at both gateways within a second, introspection says inactive, their browser session can no longer authorize, and
 * sign-in is refused.
 */
@org.junit.jupiter.api.Order(5)
class UserDisableE2ETest {

    static Platform platform;

    @BeforeAll
    static void platform() {
        platform = Platform.get();
    }

    /** An operator user's access token with scope admin, through the device flow (the CLI may ask for admin). */
    static String operatorToken(Browser browser, String base) throws Exception {
        JsonPath auth = given().formParam("client_id", Platform.CLI).formParam("scope", "admin")
                .post(base + "/oauth/device_authorization").then().statusCode(200).extract().jsonPath();
        DeviceFlowE2ETest.approveInBrowser(browser, auth.getString("verification_uri"), auth.getString("user_code"),
                PartnerProgramE2ETest.OPERATOR, PartnerProgramE2ETest.OPERATOR_PASSWORD);
        Thread.sleep(auth.getInt("interval") * 1000L);
        return DeviceFlowE2ETest.poll(base, auth.getString("device_code")).then().statusCode(200)
                .extract().path("access_token");
    }

    @Test
    void aDisabledUserLosesRefreshAccessTokensSessionsAndSignIn() throws Exception {
        String base = platform.baseUrl();
        String second = platform.secondGatewayUrl();
        String email = "disable-" + UUID.randomUUID() + "@example.test";
        String password = "a long passphrase " + UUID.randomUUID();
        try (Browser operatorBrowser = new Browser(); Browser user = new Browser()) {
            String admin = operatorToken(operatorBrowser, base);
            // a token without scope admin is refused at the gateway
            given().auth().oauth2("not-a-token").get(base + "/admin/users").then().statusCode(401);
            String userId = given().auth().oauth2(admin).contentType("application/json")
                    .body("{\"email\":\"" + email + "\",\"display_name\":\"To Disable\",\"password\":\"" + password + "\"}")
                    .post(base + "/admin/users").then().statusCode(201).extract().path("id");

            // the user authorizes the CLI (device flow) and keeps a browser session
            JsonPath auth = given().formParam("client_id", Platform.CLI).formParam("scope", "profile db:read")
                    .post(base + "/oauth/device_authorization").then().statusCode(200).extract().jsonPath();
            DeviceFlowE2ETest.approveInBrowser(user, auth.getString("verification_uri"), auth.getString("user_code"),
                    email, password);
            Thread.sleep(auth.getInt("interval") * 1000L);
            JsonPath tokens = DeviceFlowE2ETest.poll(base, auth.getString("device_code")).then().statusCode(200)
                    .extract().jsonPath();
            String accessToken = tokens.getString("access_token");
            for (String gateway : List.of(base, second)) {
                given().auth().oauth2(accessToken).get(gateway + "/api/v1/me").then().statusCode(200)
                        .body("user.email", equalTo(email));
            }

            CompletableFuture<Long> first = CompletableFuture.supplyAsync(() -> AuthorizedAppsE2ETest.firstRefusal(base, accessToken));
            CompletableFuture<Long> other = CompletableFuture.supplyAsync(() -> AuthorizedAppsE2ETest.firstRefusal(second, accessToken));
            given().auth().oauth2(admin).post(base + "/admin/users/" + userId + "/disable")
                    .then().statusCode(200).body("user.disabled", equalTo(true)).body("grants_revoked", equalTo(1))
                    .body("sessions_ended", equalTo(1));
            long disabled = System.nanoTime();
            long firstMillis = (first.get(15, TimeUnit.SECONDS) - disabled) / 1_000_000;
            long otherMillis = (other.get(15, TimeUnit.SECONDS) - disabled) / 1_000_000;
            System.out.printf("User disabled; gateway 1 refused %d ms and gateway 2 %d ms after the answer%n",
                    firstMillis, otherMillis);
            assertTrue(firstMillis < 1000, "gateway 1 after " + firstMillis + " ms");
            assertTrue(otherMillis < 1000, "gateway 2 after " + otherMillis + " ms");

            given().formParam("grant_type", "refresh_token").formParam("client_id", Platform.CLI)
                    .formParam("refresh_token", tokens.getString("refresh_token")).post(base + "/oauth/token")
                    .then().statusCode(400).body("error", equalTo("invalid_grant"));
            given().auth().preemptive().basic(Platform.RESOURCE_SERVER, Platform.RESOURCE_SERVER_SECRET)
                    .formParam("token", accessToken).post(base + "/oauth/introspect")
                    .then().statusCode(200).body("active", equalTo(false));

            // the live browser session is gone: /oauth/authorize asks to sign in again, and sign-in is refused
            user.open(AuthorizationCodeE2ETest.authorizeUrl(base, "partner-native", "http://127.0.0.1:53682/callback",
                    "profile", "st", AuthorizationCodeE2ETest.challenge(AuthorizationCodeE2ETest.random())));
            user.awaitText("Sign in");
            user.signIn(email, password);
            assertTrue(user.driver.getCurrentUrl().contains("/login"), user.driver.getCurrentUrl());

            // audited, with the operator as the actor
            given().auth().oauth2(admin).queryParam("user_id", userId).queryParam("kind", "user.disable")
                    .get(base + "/admin/audit-events").then().statusCode(200).body("events.size()", equalTo(1));
        }
    }
}
