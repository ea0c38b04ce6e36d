package io.latchkey.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import com.sun.net.httpserver.HttpServer;

import io.restassured.path.json.JsonPath;

/**
 * Issue 12 end to end, in real Chromium: a user applies as a partner → the operator signs in to the console and
 * approves → the partner reads its credentials (a native app's client id; a back-end service's secret, once) → the
 * new client completes an authorization code flow with PKCE and a refresh → the user sees the app under Authorized
 * apps → the operator disables the app in the console → its access token is refused at two gateway replicas within a
 * second and its refresh token answers invalid_grant.
 */
@org.junit.jupiter.api.Order(5)
class PartnerProgramE2ETest {

    static final String OPERATOR = "operator@latchkey.dev";
    static final String OPERATOR_PASSWORD = "latchkey-operator";

    static Platform platform;
    static HttpServer callback;

    @BeforeAll
    static void start() throws Exception {
        platform = Platform.get();
        callback = AuthorizationCodeE2ETest.callbackServer(0);
    }

    @AfterAll
    static void stop() {
        if (callback != null) {
            callback.stop(0);
        }
    }

    @Test
    void aPartnerAppliesIsApprovedAndItsAppWorksUntilTheOperatorDisablesIt() throws Exception {
        String base = platform.baseUrl();
        String second = platform.secondGatewayUrl();
        String appName = "Acme Desktop " + System.nanoTime();
        String serviceName = "Acme Sync " + System.nanoTime();
        try (Browser partner = new Browser(); Browser operator = new Browser()) {
            // 1. the (demo) user applies for a native app and a back-end service
            partner.open(base + "/partners/apply");
            partner.signIn(Platform.DEMO_USER, Platform.DEMO_PASSWORD);
            partner.awaitText("Apply for an OAuth app");
            apply(partner, appName, "native", "http://127.0.0.1/callback");
            partner.awaitText("waiting for an operator");
            partner.open(base + "/partners/apply");
            apply(partner, serviceName, "service", null);
            partner.awaitText("waiting for an operator");

            // 2. the operator signs in to the console and approves both from the queue
            operator.open(base + "/admin");
            operator.signIn(OPERATOR, OPERATOR_PASSWORD);
            operator.awaitText("Operator console");
            operator.click(By.linkText("Partner applications"));
            operator.awaitText(appName);
            approve(operator, appName);
            approve(operator, serviceName);

            // 3. the partner reads its credentials: the native app's client id; the service's secret, once
            partner.open(base + "/partners/apps");
            partner.awaitText(appName);
            String clientId = clientIdOf(partner, appName);
            String serviceId = clientIdOf(partner, serviceName);
            partner.click(By.xpath("//li[contains(@class,'partner-app')][strong[text()='" + serviceName + "']]//a"));
            partner.click(By.id("reveal"));
            String secret = partner.find(By.id("client-secret")).getText();
            assertFalse(secret.isBlank());
            // shown once: the app's page no longer offers it
            partner.open(base + "/partners/apps");
            partner.click(By.xpath("//li[contains(@class,'partner-app')][strong[text()='" + serviceName + "']]//a"));
            partner.awaitText("Latchkey keeps only a hash of your secret");
            given().auth().preemptive().basic(serviceId, secret).formParam("grant_type", "client_credentials")
                    .formParam("scope", "db:read").post(base + "/oauth/token")
                    .then().statusCode(200).body("token_type", equalTo("Bearer"));

            // 4. the new client: authorization code with PKCE (RFC 7636), then a refresh
            String verifier = AuthorizationCodeE2ETest.random();
            String redirect = "http://127.0.0.1:" + callback.getAddress().getPort() + "/callback";
            String state = AuthorizationCodeE2ETest.random();
            partner.open(AuthorizationCodeE2ETest.authorizeUrl(base, clientId, redirect, "profile db:read", state,
                    AuthorizationCodeE2ETest.challenge(verifier)));
            partner.awaitText(appName);
            partner.click(By.cssSelector("button[name=decision][value=allow]"));
            Map<String, String> cb = AuthorizationCodeE2ETest.awaitCallback(partner, redirect);
            assertEquals(state, cb.get("state"));
            assertEquals(base, cb.get("iss"));
            JsonPath tokens = given().formParam("grant_type", "authorization_code").formParam("client_id", clientId)
                    .formParam("code", cb.get("code")).formParam("redirect_uri", redirect)
                    .formParam("code_verifier", verifier).post(base + "/oauth/token")
                    .then().statusCode(200).extract().jsonPath();
            JsonPath refreshed = given().formParam("grant_type", "refresh_token").formParam("client_id", clientId)
                    .formParam("refresh_token", tokens.getString("refresh_token")).post(base + "/oauth/token")
                    .then().statusCode(200).extract().jsonPath();
            String accessToken = refreshed.getString("access_token");
            for (String gateway : List.of(base, second)) {
                given().auth().oauth2(accessToken).get(gateway + "/api/v1/me").then().statusCode(200)
                        .body("client.client_id", equalTo(clientId)).body("client.client_name", equalTo(appName));
            }

            // 5. the user sees the app under Authorized apps
            partner.open(base + "/account/authorized-apps");
            partner.awaitText(appName);

            // 6. the operator disables it; both gateways are watched from before the click
            operator.open(base + "/admin/console/clients?q=" + clientId);
            operator.awaitText(clientId);
            CompletableFuture<Long> first = CompletableFuture.supplyAsync(() -> AuthorizedAppsE2ETest.firstRefusal(base, accessToken));
            CompletableFuture<Long> other = CompletableFuture.supplyAsync(() -> AuthorizedAppsE2ETest.firstRefusal(second, accessToken));
            long clicked = System.nanoTime();
            operator.click(By.cssSelector("li.console-client[data-client-id='" + clientId + "'] button"));
            operator.find(By.cssSelector("li.console-client[data-client-id='" + clientId + "'][data-disabled='true']"));
            long disabled = System.nanoTime();
            long firstMillis = (first.get(15, TimeUnit.SECONDS) - disabled) / 1_000_000;
            long otherMillis = (other.get(15, TimeUnit.SECONDS) - disabled) / 1_000_000;
            System.out.printf("Console disable took %d ms (click to page); gateway 1 refused %d ms and gateway 2 %d ms "
                    + "after the page (%d / %d ms after the click)%n", (disabled - clicked) / 1_000_000, firstMillis,
                    otherMillis, firstMillis + (disabled - clicked) / 1_000_000, otherMillis + (disabled - clicked) / 1_000_000);
            assertTrue(firstMillis < 1000, "gateway 1 refused the disabled app's token after " + firstMillis + " ms");
            assertTrue(otherMillis < 1000, "gateway 2 refused the disabled app's token after " + otherMillis + " ms");
            given().formParam("grant_type", "refresh_token").formParam("client_id", clientId)
                    .formParam("refresh_token", refreshed.getString("refresh_token")).post(base + "/oauth/token")
                    .then().statusCode(400).body("error", equalTo("invalid_grant"));

            // the audit trail has every step
            operator.open(base + "/admin/console/audit?client_id=" + clientId);
            operator.awaitText("client.disable");
            String trail = operator.text();
            assertTrue(trail.contains("partner_application.approve"), trail);
            assertNotNull(trail);
        }
    }

    private static void apply(Browser b, String name, String type, String redirectUri) {
        b.type(By.name("app_name"), name);
        b.type(By.name("description"), "Browse your databases from the desktop");
        b.type(By.name("homepage_uri"), "https://acme.example");
        b.click(By.cssSelector("input[name=app_type][value=" + type + "]"));
        if (redirectUri != null) {
            b.type(By.cssSelector("input[name=redirect_uri]"), redirectUri);
        }
        b.click(By.cssSelector("input[name=scope][value=profile]"));
        b.click(By.cssSelector("input[name=scope][value='db:read']"));
        b.type(By.name("contact_email"), "dev@acme.example");
        b.click(By.cssSelector("form[action='/partners/apply'] button[type=submit]"));
    }

    private static void approve(Browser operator, String name) {
        operator.click(By.xpath("//li[contains(@class,'console-application')][strong[text()='" + name
                + "']]//button[contains(@class,'approve')]"));
        operator.awaitText("Partner applications (pending)");
        new org.openqa.selenium.support.ui.WebDriverWait(operator.driver, java.time.Duration.ofSeconds(15))
                .until(d -> !d.findElement(By.tagName("body")).getText().contains(name));
    }

    private static String clientIdOf(Browser partner, String name) {
        return partner.find(By.xpath("//li[contains(@class,'partner-app')][strong[text()='" + name
                + "']]//code[contains(@class,'client-id')]")).getText();
    }
}
