package io.latchkey.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

import io.restassured.path.json.JsonPath;

/**
 * RFC 6749 §4.1 with PKCE end to end through the gateway: a real headless Chromium signs in and consents, the
 * redirect carries code, state and iss (RFC 9207), and the client exchanges the code for a JWT that verifies.
 */
@org.junit.jupiter.api.Order(3)
class AuthorizationCodeE2ETest {

    static final String WEB_REDIRECT = "http://127.0.0.1:9090/callback";
    static final String NATIVE = "partner-native";
    static Platform platform;
    /** Listens on 9090 for partner-web when the port is free; otherwise the browser's failed navigation URL is read. */
    static HttpServer webCallback;
    /** partner-native's loopback redirect on an arbitrary free port (RFC 8252 §7.3). */
    static HttpServer nativeCallback;

    @BeforeAll
    static void start() throws IOException {
        platform = Platform.get();
        webCallback = callbackServer(9090);
        nativeCallback = callbackServer(0);
    }

    @AfterAll
    static void stop() {
        for (HttpServer s : new HttpServer[] {webCallback, nativeCallback}) {
            if (s != null) {
                s.stop(0);
            }
        }
    }

    @Test
    void aConfidentialWebAppGetsTokensAfterSignInAndConsentAndRememberedConsentSkipsThePage() throws Exception {
        String base = platform.baseUrl();
        try (Browser browser = new Browser()) {
            String state = random();
            browser.open(authorizeUrl(base, Platform.PARTNER_WEB, WEB_REDIRECT, "profile db:read", state, null));
            browser.signIn(Platform.DEMO_USER, Platform.DEMO_PASSWORD);
            browser.awaitText("Allow Acme Insights to access your account?");
            assertTrue(browser.text().contains("Read your databases and their data"), "scopes in plain words");
            browser.click(By.cssSelector("button[name=decision][value=allow]"));

            Map<String, String> callback = awaitCallback(browser, WEB_REDIRECT);
            assertEquals(state, callback.get("state"));
            // RFC 9207 §2: the issuer is named in the response
            assertEquals(base, callback.get("iss"));
            String code = callback.get("code");
            assertNotNull(code);

            JsonPath tokens = redeemAsWeb(base, code).then().statusCode(200)
                    .header("Cache-Control", "no-store")
                    .body("token_type", equalTo("Bearer"))
                    .body("expires_in", equalTo(600))
                    .body("scope", equalTo("profile db:read"))
                    .extract().jsonPath();
            assertNotNull(tokens.getString("refresh_token"), "partner-web may refresh");
            JWTClaimsSet claims = verified(base, tokens.getString("access_token"));
            assertEquals(Platform.PARTNER_WEB, claims.getStringClaim("client_id"));
            assertNotEquals(Platform.PARTNER_WEB, claims.getSubject(), "sub is the user");
            assertEquals("profile db:read", claims.getStringClaim("scope"));
            assertNotNull(claims.getStringClaim("gid"));

            // RFC 6749 §4.1.2: the code is single use
            redeemAsWeb(base, code).then().statusCode(400).body("error", equalTo("invalid_grant"));

            // remembered consent: the same (or fewer) scopes go straight back to the app, no page
            String again = random();
            browser.open(authorizeUrl(base, Platform.PARTNER_WEB, WEB_REDIRECT, "db:read", again, null));
            Map<String, String> second = awaitCallback(browser, WEB_REDIRECT);
            assertEquals(again, second.get("state"));
            redeemAsWeb(base, second.get("code")).then().statusCode(200).body("scope", equalTo("db:read"));
        }
    }

    @Test
    void aPublicNativeAppWithPkceAndALoopbackRedirectOnAnyPortGetsTokens() throws Exception {
        String base = platform.baseUrl();
        String redirect = "http://127.0.0.1:" + nativeCallback.getAddress().getPort() + "/callback";
        String verifier = random();
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        try (Browser browser = new Browser()) {
            String state = random();
            browser.open(authorizeUrl(base, NATIVE, redirect, "db:read", state, challenge));
            browser.signIn(Platform.DEMO_USER, Platform.DEMO_PASSWORD);
            browser.awaitText("Allow Acme Desktop to access your account?");
            browser.click(By.cssSelector("button[name=decision][value=allow]"));

            Map<String, String> callback = awaitCallback(browser, redirect);
            assertEquals(state, callback.get("state"));
            assertEquals(base, callback.get("iss"));
            assertTrue(browser.text().contains("callback received"), "the app's loopback listener got the redirect");

            // RFC 7636 §4.5: the public client proves possession of the verifier
            String code = callback.get("code");
            JsonPath tokens = given().formParam("grant_type", "authorization_code").formParam("client_id", NATIVE)
                    .formParam("code", code).formParam("redirect_uri", redirect).formParam("code_verifier", verifier)
                    .post(base + "/oauth/token")
                    .then().statusCode(200).body("token_type", equalTo("Bearer")).body("scope", equalTo("db:read"))
                    .extract().jsonPath();
            JWTClaimsSet claims = verified(base, tokens.getString("access_token"));
            assertEquals(NATIVE, claims.getStringClaim("client_id"));

            // RFC 8252 §8.6: a public client's consent is not remembered; any local program may send its client_id
            // on another loopback port, so the user is asked again (and can still deny)
            String elsewhere = "http://127.0.0.1:" + (nativeCallback.getAddress().getPort() == 49999 ? 49998 : 49999)
                    + "/callback";
            browser.open(authorizeUrl(base, NATIVE, elsewhere, "db:read", random(), challenge(random())));
            browser.awaitText("You approved Acme Desktop before");
            assertTrue(browser.text().contains("Allow Acme Desktop to access your account?"));
            assertTrue(browser.driver.getCurrentUrl().startsWith(base + "/oauth/authorize"), "no redirect to the app");
        }
    }

    static String challenge(String verifier) throws Exception {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void anUnregisteredRedirectUriShowsAnErrorPageInTheBrowserAndGoesNowhere() throws Exception {
        String base = platform.baseUrl();
        try (Browser browser = new Browser()) {
            browser.open(authorizeUrl(base, Platform.PARTNER_WEB, "http://127.0.0.1:9999/steal", "db:read", "s", null));
            browser.awaitText("This request cannot continue");
            assertTrue(browser.driver.getCurrentUrl().startsWith(base + "/oauth/authorize"));
        }
    }

    @Test
    void theMetadataAdvertisesTheCodeFlow() {
        given().get(platform.baseUrl() + "/.well-known/oauth-authorization-server").then()
                .statusCode(200)
                .body("authorization_endpoint", equalTo(platform.baseUrl() + "/oauth/authorize"))
                .body("response_types_supported", equalTo(java.util.List.of("code")))
                .body("code_challenge_methods_supported", equalTo(java.util.List.of("S256")))
                .body("authorization_response_iss_parameter_supported", equalTo(true));
    }

    // ---- helpers ----

    static String authorizeUrl(String base, String clientId, String redirect, String scope, String state, String challenge) {
        StringBuilder sb = new StringBuilder(base).append("/oauth/authorize?response_type=code")
                .append("&client_id=").append(enc(clientId))
                .append("&redirect_uri=").append(enc(redirect))
                .append("&scope=").append(enc(scope))
                .append("&state=").append(enc(state));
        if (challenge != null) {
            sb.append("&code_challenge=").append(challenge).append("&code_challenge_method=S256");
        }
        return sb.toString();
    }

    /** Waits until the browser is sent to the redirect URI and returns its query parameters. */
    static Map<String, String> awaitCallback(Browser browser, String redirect) {
        new WebDriverWait(browser.driver, Duration.ofSeconds(15))
                .until(d -> d.getCurrentUrl() != null && d.getCurrentUrl().startsWith(redirect + "?"));
        String url = browser.driver.getCurrentUrl();
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : URI.create(url).getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            out.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        assertFalse(out.containsKey("error"), "no error at the redirect: " + url);
        return out;
    }

    static io.restassured.response.Response redeemAsWeb(String base, String code) {
        return given().auth().preemptive().basic(Platform.PARTNER_WEB, Platform.PARTNER_WEB_SECRET)
                .formParam("grant_type", "authorization_code").formParam("code", code)
                .formParam("redirect_uri", WEB_REDIRECT)
                .post(base + "/oauth/token");
    }

    static JWTClaimsSet verified(String base, String accessToken) throws Exception {
        SignedJWT jwt = SignedJWT.parse(accessToken);
        JWKSet jwks = JWKSet.parse(given().get(base + "/oauth/jwks").asString());
        assertTrue(jwt.verify(new ECDSAVerifier((ECKey) jwks.getKeyByKeyId(jwt.getHeader().getKeyID()))));
        assertEquals("at+jwt", jwt.getHeader().getType().getType());
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertEquals(base, claims.getIssuer());
        return claims;
    }

    static HttpServer callbackServer(int port) throws IOException {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 0);
            server.createContext("/", exchange -> {
                byte[] body = "<!DOCTYPE html><title>callback</title><p>callback received</p>".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (BindException e) {
            return null;
        }
    }

    static String random() {
        byte[] b = new byte[32];
        new SecureRandom().nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
