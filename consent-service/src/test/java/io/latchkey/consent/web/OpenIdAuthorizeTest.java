package io.latchkey.consent.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.latchkey.consent.Browser;
import io.latchkey.consent.InternalServicesStub;
import io.latchkey.consent.InternalServicesStub.Call;
import io.latchkey.consent.TestUsers;
import io.latchkey.testsupport.FreshDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.core.json.JsonObject;

/** OIDC Core §3.1.2.1 request parameters at /oauth/authorize: prompt, max_age, login_hint, nonce; auth_time. */
@QuarkusTest
@QuarkusTestResource(FreshDatabase.class)
@QuarkusTestResource(InternalServicesStub.class)
class OpenIdAuthorizeTest {

    private static final String WEB = AuthorizeResourceTest.WEB;
    private static final String REDIRECT = AuthorizeResourceTest.WEB_REDIRECT;
    private static final String ISS = AuthorizeResourceTest.ISS;

    private static Browser signedIn() throws Exception {
        return Browser.signedInAsNewUser("oidc");
    }

    private static Response request(Browser browser, String clientId, String scope, String... extra) {
        List<String> q = new ArrayList<>(List.of("response_type", "code", "client_id", clientId, "redirect_uri",
                REDIRECT, "state", "st-42", "scope", scope));
        q.addAll(List.of(extra));
        return browser.getQuery("/oauth/authorize", q.toArray(String[]::new));
    }

    private static List<Call> codeCallsFor(Browser browser) throws Exception {
        return AuthorizeResourceTest.codeCallsFor(TestUsers.idOf(browser.username).toString());
    }

    /** Approve once so consent is remembered for the confidential client. */
    private static void allowOnce(Browser browser, String scope) {
        Response page = request(browser, WEB, scope).then().statusCode(200).extract().response();
        AuthorizeResourceTest.decide(browser, page, "allow").then().statusCode(303);
    }

    private static void assertClientError(Response r, String error) {
        r.then().statusCode(303).header("Location", startsWith(REDIRECT + "?"));
        Map<String, String> q = AuthorizeResourceTest.query(r.header("Location"));
        assertEquals(error, q.get("error"), r.header("Location"));
        // OIDC Core §3.1.2.6 with RFC 6749 §4.1.2.1 and RFC 9207: state and iss come back with the error
        assertEquals("st-42", q.get("state"));
        assertEquals(ISS, q.get("iss"));
        assertNull(q.get("code"));
    }

    // ---- prompt=none ----

    @Test
    void promptNoneWithoutASessionRedirectsLoginRequiredWithStateAndIss() {
        Browser anonymous = new Browser();
        assertClientError(request(anonymous, WEB, "openid", "prompt", "none"), "login_required");
    }

    @Test
    void promptNoneWithASessionButNoConsentIsConsentRequired() throws Exception {
        Browser browser = signedIn();
        assertClientError(request(browser, WEB, "openid profile", "prompt", "none"), "consent_required");
        assertEquals(0, codeCallsFor(browser).size());
    }

    @Test
    void promptNoneWithRememberedConsentIssuesACodeWithoutAPage() throws Exception {
        Browser browser = signedIn();
        allowOnce(browser, "openid profile");
        Response r = request(browser, WEB, "openid profile", "prompt", "none", "nonce", "n-1");
        r.then().statusCode(303);
        Map<String, String> q = AuthorizeResourceTest.query(r.header("Location"));
        assertTrue(q.get("code") != null, r.header("Location"));
        assertEquals("n-1", codeCallsFor(browser).get(1).body().getJsonObject("identity").getString("nonce"));
    }

    @Test
    void promptNoneOnAPublicClientIsConsentRequiredEvenAfterApproval() throws Exception {
        Browser browser = signedIn();
        // RFC 8252 §8.6: a public client always gets the page, so prompt=none cannot be satisfied
        Response r = browser.getQuery("/oauth/authorize", "response_type", "code", "client_id", "partner-native",
                "redirect_uri", "http://127.0.0.1:51234/callback", "state", "st-42", "scope", "profile",
                "code_challenge", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", "code_challenge_method", "S256",
                "prompt", "none");
        r.then().statusCode(303);
        assertEquals("consent_required", AuthorizeResourceTest.query(r.header("Location")).get("error"));
    }

    // ---- prompt=consent, prompt=login, max_age ----

    @Test
    void promptConsentShowsThePageEvenForRememberedConsent() throws Exception {
        Browser browser = signedIn();
        allowOnce(browser, "openid profile");
        // without prompt the remembered consent skips the page ...
        request(browser, WEB, "openid profile").then().statusCode(303);
        // ... with prompt=consent it is shown again
        request(browser, WEB, "openid profile", "prompt", "consent").then().statusCode(200)
                .body(containsString("name=\"decision\" value=\"allow\""));
    }

    @Test
    void maxAgeZeroForcesASignInAndAuthTimeIsTheNewSignIn() throws Exception {
        Browser browser = signedIn();
        allowOnce(browser, "openid");
        long firstSignIn = codeCallsFor(browser).get(0).body().getJsonObject("identity").getLong("auth_time");
        Thread.sleep(1100);
        Response r = request(browser, WEB, "openid", "max_age", "0", "nonce", "abc");
        r.then().statusCode(303).header("Location", startsWith("/login?return_to="));
        String returnTo = returnTo(r);
        assertFalse(returnTo.contains("max_age"), "the sign-in satisfies max_age: " + returnTo);
        assertTrue(returnTo.contains("nonce=abc"));
        // sign in again, then follow the return path: a code, whose identity says when this sign-in happened
        Response back = signInAgain(browser, returnTo);
        browser.getEncoded(back.header("Location")).then().statusCode(303).header("Location", startsWith(REDIRECT));
        List<Call> calls = codeCallsFor(browser);
        JsonObject identity = calls.get(calls.size() - 1).body().getJsonObject("identity");
        assertTrue(identity.getLong("auth_time") > firstSignIn, "auth_time is the fresh sign-in");
        assertEquals("abc", identity.getString("nonce"));
    }

    @Test
    void aRecentEnoughSignInSatisfiesMaxAge() throws Exception {
        Browser browser = signedIn();
        allowOnce(browser, "openid");
        request(browser, WEB, "openid", "max_age", "3600").then().statusCode(303)
                .header("Location", startsWith(REDIRECT));
    }

    @ParameterizedTest(name = "prompt={0} asks for a sign-in")
    @CsvSource({"login", "select_account", "login consent"})
    void promptLoginAndSelectAccountForceASignIn(String prompt) throws Exception {
        Browser browser = signedIn();
        allowOnce(browser, "openid");
        Response r = request(browser, WEB, "openid", "prompt", prompt);
        r.then().statusCode(303).header("Location", startsWith("/login?return_to="));
        String returnTo = returnTo(r);
        assertFalse(returnTo.contains("login"), returnTo);
        assertEquals(prompt.contains("consent"), returnTo.contains("prompt=consent"), returnTo);
    }

    @Test
    void loginHintPrefillsTheSignInForm() {
        Browser anonymous = new Browser();
        Response r = request(anonymous, WEB, "openid", "login_hint", "ada@example.com");
        r.then().statusCode(303).header("Location", containsString("&login_hint=ada%40example.com"));
        anonymous.getEncoded(r.header("Location")).then().statusCode(200)
                .body(containsString("value=\"ada@example.com\""));
        // a hint cannot inject markup into the form
        Response hostile = request(anonymous, WEB, "openid", "login_hint", "\"><script>x</script>");
        anonymous.getEncoded(hostile.header("Location")).then().statusCode(200)
                .body(not(containsString("<script>x")));
    }

    // ---- nonce and the sign-in identity ----

    @Test
    void theNonceAndTheSessionsSignInGoToTokenServiceExactlyAndSurviveTheConsentPage() throws Exception {
        Browser browser = signedIn();
        String nonce = "n 0S6_WzA2Mj ~!é";
        Response page = request(browser, WEB, "openid profile email", "nonce", nonce).then().statusCode(200)
                .extract().response();
        AuthorizeResourceTest.decide(browser, page, "allow").then().statusCode(303);
        JsonObject identity = codeCallsFor(browser).get(0).body().getJsonObject("identity");
        assertEquals(nonce, identity.getString("nonce"));
        assertEquals(browser.username, identity.getString("preferred_username"));
        assertEquals(browser.username, identity.getString("email"));
        assertEquals(false, identity.getBoolean("email_verified"));
        long now = System.currentTimeMillis() / 1000;
        assertTrue(identity.getLong("auth_time") <= now && identity.getLong("auth_time") > now - 120);
    }

    @Test
    void withoutOpenidNoIdentityIsSent() throws Exception {
        Browser browser = signedIn();
        Response page = request(browser, WEB, "profile", "nonce", "n").then().statusCode(200).extract().response();
        AuthorizeResourceTest.decide(browser, page, "allow").then().statusCode(303);
        assertNull(codeCallsFor(browser).get(0).body().getValue("identity"));
    }

    // ---- OIDC Core §11: the consent page says when access is kept offline ----

    @Test
    void theConsentPageSaysWhenTheAppKeepsAccessWhileTheUserIsAway() throws Exception {
        Browser browser = signedIn();
        request(browser, "strict-web", "openid db:read").then().statusCode(200)
                .body(not(containsString("while you are away")))
                .body(containsString("only for a short while"));
        request(browser, "strict-web", "openid offline_access db:read").then().statusCode(200)
                .body(containsString("will keep this access while you are away"));
        // a client registered before OpenID Connect keeps refresh tokens without asking: the page says so
        request(browser, WEB, "openid db:read").then().statusCode(200)
                .body(containsString("will keep this access while you are away"));
    }

    // ---- hostile values ----

    @ParameterizedTest(name = "{0}={1} is invalid_request")
    @CsvSource({
            "prompt, none login",
            "prompt, none consent",
            "prompt, bogus",
            "prompt, LOGIN",
            "max_age, -1",
            "max_age, abc",
            "max_age, 12345678901",
            "max_age, 1e3"})
    void malformedPromptOrMaxAgeIsInvalidRequestAtTheRedirectUri(String name, String value) throws Exception {
        assertClientError(request(signedIn(), WEB, "openid", name, value), "invalid_request");
    }

    @Test
    void overlongNonceOrLoginHintAndRepeatedPromptAreInvalidRequest() throws Exception {
        Browser browser = signedIn();
        assertClientError(request(browser, WEB, "openid", "nonce", "n".repeat(513)), "invalid_request");
        assertClientError(request(browser, WEB, "openid", "login_hint", "a".repeat(321)), "invalid_request");
        assertClientError(request(browser, WEB, "openid", "prompt", "login", "prompt", "consent"), "invalid_request");
        assertClientError(request(browser, WEB, "openid", "max_age", "1", "max_age", "2"), "invalid_request");
    }

    @Test
    void anInvalidPromptWithoutASessionSignsInFirstAndNeverRedirectsUnauthenticated() {
        Browser anonymous = new Browser();
        Response r = request(anonymous, WEB, "openid", "prompt", "none login");
        r.then().statusCode(303).header("Location", startsWith("/login?return_to="));
        assertTrue(returnTo(r).contains("prompt=none+login"), returnTo(r));
    }

    @Test
    void promptNoneWithAnUnregisteredRedirectUriShowsAnErrorPage() {
        new Browser().getQuery("/oauth/authorize", "response_type", "code", "client_id", WEB,
                        "redirect_uri", "https://evil.example/cb", "state", "s", "scope", "openid", "prompt", "none")
                .then().statusCode(400).header("Location", nullValue());
    }

    private static String returnTo(Response loginRedirect) {
        String location = loginRedirect.header("Location");
        String raw = location.substring("/login?return_to=".length()).split("&login_hint=")[0];
        return URLDecoder.decode(raw, StandardCharsets.UTF_8);
    }

    /** Signs in again in the same browser (a new session); the 303 to the return path. */
    private static Response signInAgain(Browser browser, String returnTo) {
        String csrf = Browser.csrfOf(browser.get("/login"));
        return browser.post("/login", Map.of("username", browser.username, "password", "pw-" + browser.username,
                "csrf", csrf, "return_to", returnTo));
    }
}
