package io.latchkey.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * OpenID Connect end to end through the gateway with a real headless Chromium: "Sign in with Latchkey" for a web app
 * (ID Token verified by nimbus against the JWKS, UserInfo, refresh), prompt/max_age, the device flow with openid,
 * RP-initiated logout, and both discovery documents checked against real requests.
 */
@org.junit.jupiter.api.Order(4)
class OpenIdConnectE2ETest {

    static final String WEB_REDIRECT = "http://127.0.0.1:9090/callback";
    static final String LOGGED_OUT = "http://127.0.0.1:9090/logged-out";
    static final String DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";
    static Platform platform;
    static HttpServer webApp;

    @BeforeAll
    static void start() throws IOException {
        platform = Platform.get();
        webApp = AuthorizationCodeE2ETest.callbackServer(9090);
    }

    @AfterAll
    static void stop() {
        if (webApp != null) {
            webApp.stop(0);
        }
    }

    @Test
    void signInWithLatchkeyGivesAVerifiableIdTokenUserInfoAndRefreshedIdTokens() throws Exception {
        String base = platform.baseUrl();
        try (Browser browser = new Browser()) {
            String state = AuthorizationCodeE2ETest.random();
            String nonce = AuthorizationCodeE2ETest.random();
            long before = System.currentTimeMillis() / 1000;
            browser.open(authorizeUrl(base, "openid profile email", state, "&nonce=" + nonce));
            browser.signIn(Platform.DEMO_USER, Platform.DEMO_PASSWORD);
            browser.awaitText("Allow Acme Insights to access your account?");
            assertTrue(browser.text().contains("Confirm who you are on Latchkey"), "openid in plain words");
            // OIDC Core §11: partner-web keeps refresh tokens without offline_access, and the page says so
            assertTrue(browser.text().contains("will keep this access while you are away"), browser.text());
            browser.click(By.cssSelector("button[name=decision][value=allow]"));
            Map<String, String> callback = awaitRedirect(browser, WEB_REDIRECT);
            assertEquals(state, callback.get("state"));
            assertEquals(base, callback.get("iss"));

            JsonPath tokens = AuthorizationCodeE2ETest.redeemAsWeb(base, callback.get("code")).then().statusCode(200)
                    .extract().jsonPath();
            JWTClaimsSet id = verifiedIdToken(base, tokens.getString("id_token"));
            assertEquals(base, id.getIssuer());
            assertEquals(List.of(Platform.PARTNER_WEB), id.getAudience());
            assertEquals(nonce, id.getStringClaim("nonce"));
            assertEquals(atHash(tokens.getString("access_token")), id.getStringClaim("at_hash"));
            assertTrue(id.getExpirationTime().getTime() > System.currentTimeMillis());
            long authTime = id.getLongClaim("auth_time");
            assertTrue(authTime >= before - 2 && authTime <= System.currentTimeMillis() / 1000, "auth_time " + authTime);
            assertEquals(Platform.DEMO_USER, id.getStringClaim("email"));
            assertEquals("Demo User", id.getStringClaim("name"));
            // the ID Token's sub is the access token's sub
            assertEquals(AuthorizationCodeE2ETest.verified(base, tokens.getString("access_token")).getSubject(),
                    id.getSubject());

            // OIDC Core §5.3: UserInfo through the gateway, GET and POST, with the bearer token
            String at = tokens.getString("access_token");
            given().header("Authorization", "Bearer " + at).get(base + "/oauth/userinfo").then().statusCode(200)
                    .body("sub", equalTo(id.getSubject())).body("email", equalTo(Platform.DEMO_USER))
                    .body("email_verified", equalTo(false)).body("preferred_username", equalTo(Platform.DEMO_USER));
            given().header("Authorization", "Bearer " + at).post(base + "/oauth/userinfo").then().statusCode(200)
                    .body("sub", equalTo(id.getSubject()));

            // OIDC Core §12.2: a refresh returns a new ID Token with the same sub, aud, auth_time and no nonce
            JsonPath refreshed = given().auth().preemptive().basic(Platform.PARTNER_WEB, Platform.PARTNER_WEB_SECRET)
                    .formParam("grant_type", "refresh_token").formParam("refresh_token", tokens.getString("refresh_token"))
                    .post(base + "/oauth/token").then().statusCode(200).extract().jsonPath();
            JWTClaimsSet again = verifiedIdToken(base, refreshed.getString("id_token"));
            assertEquals(id.getSubject(), again.getSubject());
            assertEquals(authTime, again.getLongClaim("auth_time"));
            assertNull(again.getClaim("nonce"));

            // prompt=none with the session and the remembered consent: straight back with a code
            browser.open(authorizeUrl(base, "openid", "s2", "&prompt=none"));
            assertNotNull(awaitRedirect(browser, WEB_REDIRECT).get("code"));
            // prompt=consent shows the page although consent is remembered
            browser.open(authorizeUrl(base, "openid", "s3", "&prompt=consent"));
            browser.awaitText("Allow Acme Insights to access your account?");
            // max_age=0 asks for a fresh sign-in although the session is live
            browser.open(authorizeUrl(base, "openid", "s4", "&max_age=0&login_hint=" + enc(Platform.DEMO_USER)));
            browser.awaitText("Sign in");
            assertEquals(Platform.DEMO_USER, browser.find(By.name("username")).getAttribute("value"), "login_hint");
            browser.type(By.name("password"), Platform.DEMO_PASSWORD);
            browser.click(By.cssSelector("form[action='/login'] button[type=submit]"));
            Map<String, String> fresh = awaitRedirect(browser, WEB_REDIRECT);
            JWTClaimsSet freshId = verifiedIdToken(base, AuthorizationCodeE2ETest.redeemAsWeb(base, fresh.get("code"))
                    .then().statusCode(200).extract().path("id_token"));
            assertTrue(freshId.getLongClaim("auth_time") >= authTime, "auth_time of the new sign-in");

            // RP-Initiated Logout 1.0: a valid hint and a registered URI end the session without a question
            browser.open(base + "/oauth/logout?id_token_hint=" + refreshed.getString("id_token")
                    + "&post_logout_redirect_uri=" + enc(LOGGED_OUT) + "&state=bye");
            new WebDriverWait(browser.driver, Duration.ofSeconds(15))
                    .until(d -> d.getCurrentUrl().startsWith(LOGGED_OUT + "?state=bye"));
            // signed out: prompt=none now answers login_required
            browser.open(authorizeUrl(base, "openid", "s5", "&prompt=none"));
            Map<String, String> none = awaitError(browser);
            assertEquals("login_required", none.get("error"));
        }
    }

    @Test
    void promptNoneWithoutASessionRedirectsLoginRequiredWithStateAndIss() throws Exception {
        String base = platform.baseUrl();
        try (Browser browser = new Browser()) {
            browser.open(authorizeUrl(base, "openid", "st-none", "&prompt=none"));
            Map<String, String> error = awaitError(browser);
            assertEquals("login_required", error.get("error"));
            assertEquals("st-none", error.get("state"));
            assertEquals(base, error.get("iss"));
        }
    }

    @Test
    void logoutWithoutAHintAsksAndAnUnregisteredUriGoesNowhere() throws Exception {
        String base = platform.baseUrl();
        try (Browser browser = new Browser()) {
            browser.open(authorizeUrl(base, "openid", "s", ""));
            browser.signIn(Platform.DEMO_USER, Platform.DEMO_PASSWORD);
            // signed in: the consent page, or straight back to the app when consent is remembered
            new WebDriverWait(browser.driver, Duration.ofSeconds(15)).until(d -> !d.getCurrentUrl().contains("/login"));
            browser.open(base + "/oauth/logout?client_id=partner-web&post_logout_redirect_uri=" + enc("https://evil.example/"));
            browser.awaitText("This sign-out cannot continue");
            browser.open(base + "/oauth/logout?client_id=partner-web&post_logout_redirect_uri=" + enc(LOGGED_OUT)
                    + "&state=q");
            browser.awaitText("Sign out of Latchkey?");
            assertTrue(browser.driver.getCurrentUrl().startsWith(base), "no redirect before the user confirms");
            browser.click(By.cssSelector("button[name=decision][value=sign_out]"));
            new WebDriverWait(browser.driver, Duration.ofSeconds(15))
                    .until(d -> d.getCurrentUrl().startsWith(LOGGED_OUT + "?state=q"));
        }
    }

    @Test
    void theDeviceFlowWithOpenidGivesAnIdTokenForTheCli() throws Exception {
        String base = platform.baseUrl();
        JsonPath started = given().formParam("client_id", Platform.CLI).formParam("scope", "openid profile db:read")
                .post(base + "/oauth/device_authorization").then().statusCode(200).extract().jsonPath();
        long before = System.currentTimeMillis() / 1000;
        try (Browser browser = new Browser()) {
            DeviceFlowE2ETest.approveInBrowser(browser, started.getString("verification_uri"),
                    started.getString("user_code"));
        }
        JsonPath tokens = given().formParam("grant_type", DEVICE_GRANT).formParam("client_id", Platform.CLI)
                .formParam("device_code", started.getString("device_code")).post(base + "/oauth/token")
                .then().statusCode(200).extract().jsonPath();
        JWTClaimsSet id = verifiedIdToken(base, tokens.getString("id_token"));
        assertEquals(List.of(Platform.CLI), id.getAudience());
        assertEquals(atHash(tokens.getString("access_token")), id.getStringClaim("at_hash"));
        assertEquals("Demo User", id.getStringClaim("name"));
        assertNull(id.getClaim("email"), "email was not asked for");
        assertTrue(id.getLongClaim("auth_time") >= before - 2);
    }

    @Test
    void userInfoAnswersEveryRfc6750ErrorAtTheGateway() {
        String base = platform.baseUrl();
        given().get(base + "/oauth/userinfo").then().statusCode(401)
                .header("WWW-Authenticate", equalTo("Bearer realm=\"latchkey\""));
        given().header("Authorization", "Bearer nonsense").get(base + "/oauth/userinfo").then().statusCode(401)
                .header("WWW-Authenticate", startsWith("Bearer error=\"invalid_token\""));
        given().header("Authorization", "Bearer a").header("Authorization", "Bearer b").get(base + "/oauth/userinfo")
                .then().statusCode(400).header("WWW-Authenticate", startsWith("Bearer error=\"invalid_request\""));
        // RFC 6750 §2.3: never from the query
        given().queryParam("access_token", "x").header("Authorization", "Bearer x").get(base + "/oauth/userinfo")
                .then().statusCode(400);
        // a valid token without openid: 403 insufficient_scope naming openid
        String clientToken = given().auth().preemptive().basic(Platform.PARTNER_WEB, Platform.PARTNER_WEB_SECRET)
                .formParam("grant_type", "client_credentials").formParam("scope", "db:read")
                .post(base + "/oauth/token").then().statusCode(200).extract().path("access_token");
        given().header("Authorization", "Bearer " + clientToken).get(base + "/oauth/userinfo").then().statusCode(403)
                .header("WWW-Authenticate", startsWith("Bearer error=\"insufficient_scope\""))
                .header("WWW-Authenticate", org.hamcrest.Matchers.containsString("scope=\"openid\""));
    }

    /** Discovery 1.0 §3/§4 and RFC 8414: one document at both URIs, and every advertised value really works. */
    @Test
    void bothDiscoveryDocumentsAgreeAndEveryAdvertisedValueWorks() throws Exception {
        String base = platform.baseUrl();
        Map<String, Object> oauth = given().get(base + "/.well-known/oauth-authorization-server").then().statusCode(200)
                .extract().jsonPath().getMap("");
        Map<String, Object> oidc = given().get(base + "/.well-known/openid-configuration").then().statusCode(200)
                .extract().jsonPath().getMap("");
        assertEquals(oauth, oidc);
        assertEquals(base, oidc.get("issuer"));
        // endpoints answer (never 404) with what an unauthenticated, empty request deserves
        assertAnswers(given().get((String) oidc.get("authorization_endpoint")), 400);
        assertAnswers(given().post((String) oidc.get("token_endpoint")), 400);
        assertAnswers(given().get((String) oidc.get("jwks_uri")), 200);
        assertAnswers(given().get((String) oidc.get("userinfo_endpoint")), 401);
        assertAnswers(given().post((String) oidc.get("userinfo_endpoint")), 401);
        assertAnswers(given().get((String) oidc.get("end_session_endpoint")), 200);
        assertAnswers(given().formParam("client_id", Platform.CLI).post((String) oidc.get("device_authorization_endpoint")), 200);
        assertAnswers(given().formParam("client_id", Platform.CLI).formParam("token", "x")
                .post((String) oidc.get("revocation_endpoint")), 200);
        assertAnswers(given().formParam("token", "x").post((String) oidc.get("introspection_endpoint")), 400);
        // the advertised signing algs are those of the published keys
        JWKSet jwks = JWKSet.parse(given().get(base + "/oauth/jwks").asString());
        List<?> algs = (List<?>) oidc.get("id_token_signing_alg_values_supported");
        jwks.getKeys().forEach(k -> assertTrue(algs.contains(k.getAlgorithm().getName())));
        // every advertised scope is accepted (latchkey-cli is registered for all of them)
        for (Object scope : (List<?>) oidc.get("scopes_supported")) {
            given().formParam("client_id", Platform.CLI).formParam("scope", scope)
                    .post(base + "/oauth/device_authorization").then().statusCode(200);
        }
        assertEquals(List.of("code"), oidc.get("response_types_supported"));
        assertEquals(List.of("public"), oidc.get("subject_types_supported"));
        assertEquals(Boolean.FALSE, oidc.get("claims_parameter_supported"));
        // every advertised prompt value is understood (an unknown one is invalid_request)
        try (Browser browser = new Browser()) {
            for (Object prompt : (List<?>) oidc.get("prompt_values_supported")) {
                browser.open(authorizeUrl(base, "openid", "p", "&prompt=" + prompt));
                if ("none".equals(prompt)) {
                    assertEquals("login_required", awaitError(browser).get("error"));
                } else {
                    browser.awaitText("Sign in");
                }
            }
        }
    }

    // ---- helpers ----

    /** The endpoint exists and answers a bare request with a 2xx or a 4xx, never 404 or 5xx. */
    private static void assertAnswers(Response r, int expected) {
        assertNotEquals(404, r.statusCode(), "advertised endpoint exists");
        assertTrue(r.statusCode() < 500, r.statusCode() + " " + r.asString());
        if (expected == 200 || expected == 401) {
            assertEquals(expected, r.statusCode(), r.asString());
        }
    }

    static String authorizeUrl(String base, String scope, String state, String extra) {
        return AuthorizationCodeE2ETest.authorizeUrl(base, Platform.PARTNER_WEB, WEB_REDIRECT, scope, state, null) + extra;
    }

    static JWTClaimsSet verifiedIdToken(String base, String idToken) throws Exception {
        assertNotNull(idToken, "an id_token");
        SignedJWT jwt = SignedJWT.parse(idToken);
        assertEquals(JOSEObjectType.JWT, jwt.getHeader().getType());
        JWKSet jwks = JWKSet.parse(given().get(base + "/oauth/jwks").asString());
        ECKey key = (ECKey) jwks.getKeyByKeyId(jwt.getHeader().getKeyID());
        assertNotNull(key, "kid published");
        assertTrue(jwt.verify(new ECDSAVerifier(key)), "signature");
        return jwt.getJWTClaimsSet();
    }

    static String atHash(String accessToken) throws Exception {
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(accessToken.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(hash, 16));
    }

    static Map<String, String> awaitRedirect(Browser browser, String redirect) {
        Map<String, String> q = awaitQuery(browser, redirect);
        assertFalse(q.containsKey("error"), "no error: " + q);
        return q;
    }

    static Map<String, String> awaitError(Browser browser) {
        Map<String, String> q = awaitQuery(browser, WEB_REDIRECT);
        assertTrue(q.containsKey("error"), "an error: " + q);
        assertNull(q.get("code"));
        return q;
    }

    private static Map<String, String> awaitQuery(Browser browser, String redirect) {
        new WebDriverWait(browser.driver, Duration.ofSeconds(15))
                .until(d -> d.getCurrentUrl() != null && d.getCurrentUrl().startsWith(redirect + "?"));
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : URI.create(browser.driver.getCurrentUrl()).getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            out.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
