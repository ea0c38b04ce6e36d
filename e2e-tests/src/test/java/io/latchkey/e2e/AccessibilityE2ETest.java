package io.latchkey.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;

import io.restassured.path.json.JsonPath;

/**
 * Issue 13: every page, in real Chromium, at desktop width and at 390 px: axe-core (a test resource from the npm
 * package axe-core, never a CDN) finds no serious or critical violation, and nothing scrolls sideways at 390 px.
 * With {@code -Dlatchkey.screenshots=<dir>} each page is also saved as PNG there (docs/screenshots in the README).
 */
class AccessibilityE2ETest {

    static Platform platform;
    static String axe;

    private final List<String> problems = new ArrayList<>();

    @BeforeAll
    static void platform() throws IOException {
        platform = Platform.get();
        try (InputStream in = AccessibilityE2ETest.class.getResourceAsStream("/axe/axe.min.js")) {
            axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void everyPagePassesAxeAndFits390Px() throws Exception {
        String base = platform.baseUrl();
        String email = "a11y-" + UUID.randomUUID() + "@latchkey.dev";
        String password = "a11y-pass-" + UUID.randomUUID();
        given().auth().oauth2(platform.operatorToken()).contentType("application/json")
                .body("{\"email\":\"" + email + "\",\"display_name\":\"Ada Lovelace\",\"password\":\"" + password + "\"}")
                .post(base + "/admin/users").then().statusCode(201);

        try (Browser b = new Browser()) {
            String authorize = AuthorizationCodeE2ETest.authorizeUrl(base, Platform.PARTNER_WEB,
                    AuthorizationCodeE2ETest.WEB_REDIRECT, "openid profile db:read", "s-" + UUID.randomUUID(), null);
            b.open(base + "/login?return_to=" + java.net.URLEncoder.encode(
                    authorize.substring(base.length()), StandardCharsets.UTF_8));
            b.awaitText("to continue to");
            check(b, "sign-in");
            b.signIn(email, password);
            b.awaitText("Allow");
            check(b, "consent");
            b.click(By.cssSelector("button[name=decision][value=allow]"));
            new org.openqa.selenium.support.ui.WebDriverWait(b.driver, Duration.ofSeconds(15))
                    .until(d -> d.getCurrentUrl().startsWith(AuthorizationCodeE2ETest.WEB_REDIRECT));

            b.open(base + "/");
            b.awaitText("Hello, Ada Lovelace");
            check(b, "home");

            JsonPath auth = given().formParam("client_id", Platform.CLI).formParam("scope", "profile db:read")
                    .post(base + "/oauth/device_authorization").then().statusCode(200).extract().jsonPath();
            b.open(base + "/device");
            b.awaitText("Connect a device");
            check(b, "device-entry");
            b.type(By.name("user_code"), auth.getString("user_code"));
            b.click(By.cssSelector("form[action='/device'] button[type=submit]"));
            b.awaitText("Authorize a device?");
            check(b, "device-confirm");
            b.click(By.cssSelector("button[name=decision][value=approve]"));
            b.awaitText("Device connected");
            check(b, "device-connected");

            b.open(base + "/account/authorized-apps");
            b.awaitText("Authorized apps");
            check(b, "authorized-apps");
            b.click(By.cssSelector("li.authorized-app[data-client-id='" + Platform.CLI + "'] form[method=get] button"));
            b.awaitText("Disconnect Latchkey CLI?");
            check(b, "revoke-confirm");

            b.open(base + "/account/activity");
            b.awaitText("Account activity");
            check(b, "activity");
            b.open(base + "/account/sessions");
            b.awaitText("Where you are signed in");
            check(b, "sessions");
            b.open(base + "/account/activity?cursor=not-a-cursor");
            b.awaitText("Request refused");
            check(b, "error-page");

            b.open(base + "/partners/apply");
            b.awaitText("Apply");
            check(b, "partner-apply");
            b.open(base + "/partners/apps");
            check(b, "partner-apps");
        }

        try (Browser operator = new Browser()) {
            operator.open(base + "/login?return_to=%2Fadmin");
            operator.signIn(PartnerProgramE2ETest.OPERATOR, PartnerProgramE2ETest.OPERATOR_PASSWORD);
            operator.awaitText("Latchkey");
            check(operator, "console-home");
            for (String page : List.of("users", "clients", "applications", "audit")) {
                operator.open(base + "/admin/console/" + page);
                operator.awaitText("Latchkey");
                check(operator, "console-" + page);
            }
        }

        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    /** axe-core and the 390 px fit on the page the browser shows, at both widths; a screenshot of each when asked. */
    private void check(Browser b, String name) throws IOException {
        for (int width : new int[] {1200, 390}) {
            ((ChromeDriver) b.driver).executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of(
                    "width", width, "height", width == 390 ? 844 : 900, "deviceScaleFactor", 1, "mobile", width == 390));
            JavascriptExecutor js = (JavascriptExecutor) b.driver;
            b.driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
            if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe !== 'undefined'"))) {
                js.executeScript(axe);
            }
            String found = (String) js.executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    axe.run(document, {resultTypes: ['violations']}).then(r => done(JSON.stringify(
                        r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                          .map(v => v.impact + ' ' + v.id + ': ' + v.nodes.slice(0, 3)
                            .map(n => n.target.join(' ')).join(', ')))))
                      .catch(e => done(JSON.stringify(['axe failed: ' + e])));""");
            if (!"[]".equals(found)) {
                problems.add(name + " @" + width + "px " + found);
            }
            if (width == 390) {
                Number scroll = (Number) js.executeScript("return document.documentElement.scrollWidth");
                Number inner = (Number) js.executeScript("return window.innerWidth");
                if (scroll.intValue() > inner.intValue()) {
                    problems.add(name + " @390px scrolls sideways: " + scroll + " > " + inner);
                }
            }
            String dir = System.getProperty("latchkey.screenshots");
            if (dir != null && !dir.isBlank()) {
                Path out = Path.of(dir);
                Files.createDirectories(out);
                Files.write(out.resolve(name + (width == 390 ? "-390" : "") + ".png"),
                        ((TakesScreenshot) b.driver).getScreenshotAs(OutputType.BYTES));
            }
        }
        ((ChromeDriver) b.driver).executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }
}
