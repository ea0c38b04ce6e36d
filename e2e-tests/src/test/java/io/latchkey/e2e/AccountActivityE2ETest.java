package io.latchkey.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import io.restassured.path.json.JsonPath;

/**
 * Issue 13 end to end, in real Chromium: the user's own activity log shows a failed sign-in, the sign-in, a device
 * approval and the app's revocation, newest first; "Sign out everywhere else" on /account/sessions ends the other
 * browser's session at once.
 */
class AccountActivityE2ETest {

    static Platform platform;

    @BeforeAll
    static void platform() {
        platform = Platform.get();
    }

    private static String newUser(String email, String password) {
        return given().auth().oauth2(platform.operatorToken()).contentType("application/json")
                .body("{\"email\":\"" + email + "\",\"display_name\":\"Activity User\",\"password\":\"" + password
                        + "\"}")
                .post(platform.baseUrl() + "/admin/users").then().statusCode(201).extract().path("id");
    }

    @Test
    void theActivityLogShowsSignInsADeviceApprovalAndARevocation() throws Exception {
        String base = platform.baseUrl();
        String email = "activity-" + UUID.randomUUID() + "@latchkey.dev";
        String password = "activity-pass-" + UUID.randomUUID();
        newUser(email, password);

        try (Browser browser = new Browser()) {
            browser.open(base + "/login");
            browser.signIn(email, "not-the-password-1");
            browser.awaitText("The email address or password is incorrect.");
            browser.signIn(email, password);
            browser.awaitText("Hello, Activity User");

            // a device asks; the user approves it in this browser
            JsonPath auth = given().formParam("client_id", Platform.CLI).formParam("scope", "profile db:read")
                    .post(base + "/oauth/device_authorization").then().statusCode(200).extract().jsonPath();
            browser.open(auth.getString("verification_uri"));
            browser.type(By.name("user_code"), auth.getString("user_code"));
            browser.click(By.cssSelector("form[action='/device'] button[type=submit]"));
            browser.awaitText("Authorize a device?");
            browser.click(By.cssSelector("button[name=decision][value=approve]"));
            browser.awaitText("Device connected");
            // post/redirect/get: the outcome page names the app and links to removing it
            assertTrue(browser.driver.getCurrentUrl().endsWith("/device/done"), browser.driver.getCurrentUrl());
            assertTrue(browser.text().contains("Latchkey CLI"), browser.text());
            assertFalse(browser.driver.findElements(By.cssSelector("a[href='/account/authorized-apps']")).isEmpty());

            browser.open(base + "/account/authorized-apps");
            browser.awaitText("Authorized apps");
            browser.click(By.cssSelector("li.authorized-app[data-client-id='" + Platform.CLI + "'] form[method=get] button"));
            browser.awaitText("Disconnect Latchkey CLI?");
            browser.click(By.cssSelector("button[name=confirm]"));
            browser.awaitText("App disconnected");

            browser.open(base + "/account/activity");
            browser.awaitText("Account activity");
            String log = browser.text();
            int revoked = log.indexOf("Removed Latchkey CLI's access");
            int device = log.indexOf("Connected a device to Latchkey CLI");
            int authorized = log.indexOf("Gave Latchkey CLI access");
            int signedIn = log.indexOf("Signed in");
            int failed = log.indexOf("Failed sign-in (wrong password)");
            assertTrue(revoked >= 0 && device >= 0 && authorized >= 0 && signedIn >= 0 && failed >= 0, log);
            assertTrue(revoked < device && device < signedIn && signedIn < failed, "newest first:\n" + log);
            assertTrue(log.contains("IP 127.0.0.1"), log);
            assertFalse(log.contains("not-the-password-1"), "never the password");
            // the optional script rewrote the server's UTC times in the browser's zone, UTC kept on hover
            assertFalse(browser.driver.findElements(By.cssSelector("time[data-localised=true][title$='UTC']"))
                    .isEmpty());
        }
    }

    @Test
    void signOutEverywhereElseEndsTheOtherBrowsersSession() throws Exception {
        String base = platform.baseUrl();
        String email = "sessions-" + UUID.randomUUID() + "@latchkey.dev";
        String password = "sessions-pass-" + UUID.randomUUID();
        newUser(email, password);

        try (Browser laptop = new Browser(); Browser phone = new Browser()) {
            for (Browser b : new Browser[] {laptop, phone}) {
                b.open(base + "/login");
                b.signIn(email, password);
                b.awaitText("Hello, Activity User");
            }
            laptop.open(base + "/account/sessions");
            laptop.awaitText("Where you are signed in");
            assertEquals(2, laptop.driver.findElements(By.cssSelector("li.browser-session")).size(), laptop.text());
            assertEquals(1, laptop.driver.findElements(By.cssSelector("li.browser-session .badge")).size());
            assertTrue(laptop.text().contains("Chrome on Linux"), laptop.text());

            laptop.click(By.cssSelector("form[action='/account/sessions/sign-out-others'] button.button-danger"));
            laptop.awaitText("Every other browser is signed out.");
            assertEquals(1, laptop.driver.findElements(By.cssSelector("li.browser-session")).size());

            phone.open(base + "/account/sessions");
            phone.awaitText("Sign in");
            assertFalse(phone.driver.findElements(By.name("password")).isEmpty(), "the phone must sign in again");

            laptop.open(base + "/account/activity");
            laptop.awaitText("Signed out every other browser");
        }
    }
}
