package io.latchkey.consent.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.latchkey.consent.Browser;
import io.latchkey.consent.InternalServicesStub;
import io.latchkey.consent.InternalServicesStub.Call;
import io.latchkey.consent.TestUsers;
import io.latchkey.testsupport.FreshDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.core.json.JsonObject;

/** RFC 6749 §4.1.1–§4.1.2 at {@code /oauth/authorize} and {@code /consent}, against a stand-in token-service. */
@QuarkusTest
@QuarkusTestResource(FreshDatabase.class)
@QuarkusTestResource(InternalServicesStub.class)
class AuthorizeResourceTest {

    static final String WEB = "partner-web";
    static final String WEB_REDIRECT = "http://127.0.0.1:9090/callback";
    static final String NATIVE = "partner-native";
    static final String NATIVE_REDIRECT = "http://127.0.0.1:51234/callback";
    static final String ISS = "http://localhost:8080";
    private static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"([a-z_]+)\" value=\"([^\"]*)\">");

    // ---- fixtures ----

    private static Browser signedIn() throws Exception {
        String username = "user-" + UUID.randomUUID() + "@latchkey.dev";
        TestUsers.create(username, "pw-" + username, false);
        Browser browser = new Browser();
        browser.signIn(username, "pw-" + username).then().statusCode(303);
        browser.username = username;
        return browser;
    }

    static String challenge() {
        byte[] b = new byte[32];
        new SecureRandom().nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** A web request for these scopes with a fresh state; extra pairs are appended (and may repeat names). */
    static Response webRequest(Browser browser, String scope, String... extra) {
        List<String> q = new ArrayList<>(List.of("response_type", "code", "client_id", WEB, "redirect_uri", WEB_REDIRECT,
                "state", "st-" + scope.hashCode(), "scope", scope));
        q.addAll(List.of(extra));
        return browser.getQuery("/oauth/authorize", q.toArray(String[]::new));
    }

    static Response authorize(Browser browser, String... pairs) {
        return browser.getQuery("/oauth/authorize", pairs);
    }

    /** The hidden fields of the consent form, unescaped. */
    static Map<String, String> consentForm(Response page) {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher m = HIDDEN.matcher(page.asString());
        while (m.find()) {
            fields.put(m.group(1), m.group(2).replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<")
                    .replace("&gt;", ">").replace("&amp;", "&"));
        }
        return fields;
    }

    static Response decide(Browser browser, Response consentPage, String decision) {
        Map<String, String> form = consentForm(consentPage);
        form.put("decision", decision);
        return browser.post("/consent", form);
    }

    static Map<String, String> query(String location) {
        Map<String, String> out = new LinkedHashMap<>();
        String q = URI.create(location).getRawQuery();
        for (String pair : q.split("&")) {
            int eq = pair.indexOf('=');
            out.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    static List<Call> codeCalls() {
        return InternalServicesStub.callsTo("/internal/codes");
    }

    static List<Call> codeCallsFor(String subject) {
        return codeCalls().stream().filter(c -> subject.equals(c.body().getString("subject"))).toList();
    }

    // ---- client and redirect URI: an error page, never a redirect ----

    @Test
    void unknownClientShowsAnErrorPageAndNeverRedirects() throws Exception {
        authorize(signedIn(), "response_type", "code", "client_id", "nobody", "redirect_uri", WEB_REDIRECT, "state", "s")
                .then().statusCode(400)
                .header("Location", nullValue())
                .header("X-Frame-Options", "DENY")
                .body(containsString("not registered with Latchkey"));
    }

    @Test
    void mismatchedRedirectUriShowsAnErrorPageAndNeverRedirects() throws Exception {
        Browser browser = signedIn();
        for (String uri : List.of("https://evil.example/callback", WEB_REDIRECT + "/more", WEB_REDIRECT + "?x=1",
                "http://127.0.0.1:9091/callback", "HTTP://127.0.0.1:9090/callback")) {
            authorize(browser, "response_type", "code", "client_id", WEB, "redirect_uri", uri, "state", "s")
                    .then().statusCode(400)
                    .header("Location", nullValue())
                    .body(containsString("has not registered"));
        }
        assertEquals(0, codeCallsFor(TestUsers.idOf(browser.username).toString()).size());
    }

    @Test
    void missingRedirectUriShowsAnErrorPage() throws Exception {
        authorize(signedIn(), "response_type", "code", "client_id", WEB, "state", "s")
                .then().statusCode(400).header("Location", nullValue());
    }

    @Test
    void repeatedRedirectUriShowsAnErrorPage() throws Exception {
        authorize(signedIn(), "response_type", "code", "client_id", WEB, "redirect_uri", WEB_REDIRECT,
                "redirect_uri", WEB_REDIRECT).then().statusCode(400).header("Location", nullValue());
    }

    @Test
    void nativeLoopbackRedirectMayVaryOnlyThePort() throws Exception {
        Browser browser = signedIn();
        String c = challenge();
        authorize(browser, "response_type", "code", "client_id", NATIVE, "redirect_uri", NATIVE_REDIRECT,
                "code_challenge", c, "code_challenge_method", "S256", "scope", "db:read")
                .then().statusCode(200).body(containsString("Acme Desktop"));
        for (String uri : List.of("http://127.0.0.1:51234/other", "http://localhost:51234/callback",
                "https://127.0.0.1:51234/callback", "http://127.0.0.2:51234/callback")) {
            authorize(browser, "response_type", "code", "client_id", NATIVE, "redirect_uri", uri,
                    "code_challenge", c, "code_challenge_method", "S256")
                    .then().statusCode(400).header("Location", nullValue());
        }
    }

    // ---- sign-in first ----

    @Test
    void signedOutUserSignsInFirstAndComesBackToTheSameRequest() throws Exception {
        String username = "user-" + UUID.randomUUID() + "@latchkey.dev";
        TestUsers.create(username, "pw", false);
        Browser browser = new Browser();

        Response toLogin = webRequest(browser, "db:read");
        toLogin.then().statusCode(303).header("Location", containsString("/login?return_to="));
        String returnTo = URLDecoder.decode(toLogin.header("Location").substring("/login?return_to=".length()),
                StandardCharsets.UTF_8);
        assertTrue(returnTo.startsWith("/oauth/authorize?"), returnTo);

        // the sign-in form may lead on to the client (remembered consent redirects straight there)
        Response login = browser.getEncoded(toLogin.header("Location"));
        login.then().statusCode(200)
                .header("Content-Security-Policy", containsString("form-action 'self' http://127.0.0.1:9090;"));
        browser.post("/login", Map.of("username", username, "password", "pw", "csrf", Browser.csrfOf(login),
                "return_to", returnTo)).then().statusCode(303).header("Location", returnTo);

        browser.getEncoded(returnTo).then().statusCode(200).body(containsString("Allow Acme Insights to access your account?"));
    }

    @Test
    void requestErrorsAreNotRedirectedBeforeSignIn() {
        authorize(new Browser(), "response_type", "token", "client_id", WEB, "redirect_uri", WEB_REDIRECT)
                .then().statusCode(303).header("Location", containsString("/login?return_to="));
    }

    @Test
    void loginPageForAnythingElseKeepsFormsToItself() {
        new Browser().get("/login?return_to=/device").then()
                .header("Content-Security-Policy", containsString("form-action 'self';"));
        String forged = "/oauth/authorize?client_id=partner-web&redirect_uri=https%3A%2F%2Fevil.example%2Fcb";
        new Browser().getQuery("/login", "return_to", forged).then()
                .header("Content-Security-Policy", containsString("form-action 'self';"));
    }

    // ---- other errors: back to the client with error, state and iss ----

    @Test
    void responseTypeOtherThanCodeIsUnsupportedWithStateAndIss() throws Exception {
        Response r = authorize(signedIn(), "response_type", "token", "client_id", WEB, "redirect_uri", WEB_REDIRECT,
                "state", "abc 123");
        r.then().statusCode(303);
        assertTrue(r.header("Location").startsWith(WEB_REDIRECT + "?"));
        Map<String, String> q = query(r.header("Location"));
        assertEquals("unsupported_response_type", q.get("error"));
        assertNotNull(q.get("error_description"));
        assertEquals("abc 123", q.get("state"));
        // RFC 9207 §2: iss on error responses too
        assertEquals(ISS, q.get("iss"));
    }

    @Test
    void publicClientWithoutPkceGetsInvalidRequest() throws Exception {
        Response r = authorize(signedIn(), "response_type", "code", "client_id", NATIVE, "redirect_uri", NATIVE_REDIRECT,
                "state", "s1");
        r.then().statusCode(303);
        assertEquals("invalid_request", query(r.header("Location")).get("error"));
        assertTrue(r.header("Location").startsWith(NATIVE_REDIRECT));
    }

    @Test
    void challengeMethodOtherThanS256IsInvalidRequest() throws Exception {
        Browser browser = signedIn();
        for (String[] method : List.of(new String[] {"code_challenge_method", "plain"}, new String[] {"state", "no-method"})) {
            Response r = authorize(browser, "response_type", "code", "client_id", NATIVE, "redirect_uri", NATIVE_REDIRECT,
                    "code_challenge", challenge(), method[0], method[1]);
            r.then().statusCode(303);
            assertEquals("invalid_request", query(r.header("Location")).get("error"));
        }
    }

    @Test
    void scopeBeyondTheClientsIsInvalidScope() throws Exception {
        Response r = webRequest(signedIn(), "db:read admin");
        r.then().statusCode(303);
        assertEquals("invalid_scope", query(r.header("Location")).get("error"));
    }

    @Test
    void repeatedParameterIsInvalidRequestAtTheRedirect() throws Exception {
        Response r = webRequest(signedIn(), "db:read", "scope", "db:write");
        r.then().statusCode(303);
        assertEquals("invalid_request", query(r.header("Location")).get("error"));
    }

    // ---- consent ----

    @Test
    void consentPageNamesTheAppAndItsScopesInPlainWordsAndCannotBeFramed() throws Exception {
        webRequest(signedIn(), "profile db:read db:write").then()
                .statusCode(200)
                .header("X-Frame-Options", "DENY")
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("Content-Security-Policy", containsString("form-action 'self' http://127.0.0.1:9090;"))
                .body(containsString("Acme Insights"))
                .body(containsString("https://acme-insights.example"))
                .body(containsString("https://acme-insights.example/logo.png"))
                .body(containsString("See your name and email address"))
                .body(containsString("Read your databases and their data"))
                .body(containsString("Create, change and delete your databases and their data"))
                .body(containsString("127.0.0.1:9090"))
                .body(containsString("value=\"allow\""))
                .body(containsString("value=\"deny\""))
                .body(containsString("name=\"csrf\""));
    }

    @Test
    void withoutAScopeTheClientsRegisteredScopesAreAsked() throws Exception {
        authorize(signedIn(), "response_type", "code", "client_id", WEB, "redirect_uri", WEB_REDIRECT).then()
                .statusCode(200)
                .body(containsString("See your name and email address"))
                .body(containsString("Create, change and delete your databases and their data"));
    }

    @Test
    void allowRedirectsWithCodeStateAndIssAndRecordsTheGrant() throws Exception {
        Browser browser = signedIn();
        Response page = webRequest(browser, "profile db:read");

        Response r = decide(browser, page, "allow");

        r.then().statusCode(303);
        assertTrue(r.header("Location").startsWith(WEB_REDIRECT + "?code="), r.header("Location"));
        Map<String, String> q = query(r.header("Location"));
        assertTrue(q.get("code").startsWith("code-"));
        assertEquals("st-" + "profile db:read".hashCode(), q.get("state"));
        assertEquals(ISS, q.get("iss"));

        UUID userId = TestUsers.idOf(browser.username);
        List<Map<String, Object>> grants = TestUsers.query(
                "select id, client_id, scopes, via from consent.grants where user_id = ? and revoked_at is null", userId);
        assertEquals(1, grants.size());
        assertEquals("web", grants.get(0).get("via"));
        assertEquals("profile db:read", grants.get(0).get("scopes"));

        List<Call> calls = codeCallsFor(userId.toString());
        assertEquals(1, calls.size());
        JsonObject body = calls.get(0).body();
        assertEquals(WEB, body.getString("client_id"));
        assertEquals(WEB_REDIRECT, body.getString("redirect_uri"));
        assertEquals(grants.get(0).get("id").toString(), body.getString("grant_id"));
        assertEquals("profile db:read", body.getString("scope"));

        List<Map<String, Object>> audit = TestUsers.query(
                "select action, grant_id from consent.audit_events where user_id = ? and action <> 'sign_in'", userId);
        assertEquals(1, audit.size());
        assertEquals("authorize", audit.get(0).get("action"));
    }

    @Test
    void theChallengeTravelsWithTheCodeRequest() throws Exception {
        Browser browser = signedIn();
        String c = challenge();
        Response page = authorize(browser, "response_type", "code", "client_id", NATIVE, "redirect_uri", NATIVE_REDIRECT,
                "code_challenge", c, "code_challenge_method", "S256", "scope", "db:read", "state", "n1");
        page.then().header("Content-Security-Policy", containsString("form-action 'self' http://127.0.0.1:51234;"));

        Response r = decide(browser, page, "allow");

        r.then().statusCode(303);
        assertTrue(r.header("Location").startsWith(NATIVE_REDIRECT + "?code="));
        JsonObject body = codeCallsFor(TestUsers.idOf(browser.username).toString()).get(0).body();
        assertEquals(c, body.getString("code_challenge"));
        assertEquals("S256", body.getString("code_challenge_method"));
        assertEquals(NATIVE_REDIRECT, body.getString("redirect_uri"));
    }

    @Test
    void theApprovingBrowserTravelsWithTheCodeRequestAsItsSession() throws Exception {
        Browser browser = signedIn();
        decide(browser, webRequest(browser, "db:read"), "allow").then().statusCode(303);

        // docs/internal-api.md, "Sessions": the browser's User-Agent and address, recorded on the family
        JsonObject session = codeCallsFor(TestUsers.idOf(browser.username).toString()).get(0).body().getJsonObject("session");
        assertNotNull(session);
        assertEquals(browser.ip, session.getString("ip"), "the client address the gateway vouched for");
        assertEquals("TestBrowser/1.0", session.getString("user_agent"));
        assertNull(session.getString("device_name"));
    }

    @Test
    void denyGivesAccessDeniedAtTheRedirectAndNoCode() throws Exception {
        Browser browser = signedIn();
        Response r = decide(browser, webRequest(browser, "db:read"), "deny");

        r.then().statusCode(303);
        Map<String, String> q = query(r.header("Location"));
        assertEquals("access_denied", q.get("error"));
        assertEquals("st-" + "db:read".hashCode(), q.get("state"));
        assertEquals(ISS, q.get("iss"));
        assertTrue(!q.containsKey("code"));
        UUID userId = TestUsers.idOf(browser.username);
        assertEquals(0, codeCallsFor(userId.toString()).size());
        assertEquals(0, TestUsers.query("select id from consent.grants where user_id = ?", userId).size());
        assertEquals("deny", TestUsers.query("select action from consent.audit_events where user_id = ? and action <> 'sign_in'", userId)
                .get(0).get("action"));
    }

    @Test
    void rememberedConsentSkipsThePageForTheSameOrFewerScopes() throws Exception {
        Browser browser = signedIn();
        decide(browser, webRequest(browser, "profile db:read"), "allow").then().statusCode(303);

        for (String scope : List.of("profile db:read", "db:read")) {
            Response again = webRequest(browser, scope);
            again.then().statusCode(303);
            assertTrue(again.header("Location").startsWith(WEB_REDIRECT + "?code="), again.header("Location"));
            assertEquals(ISS, query(again.header("Location")).get("iss"));
        }
        assertEquals(3, codeCallsFor(TestUsers.idOf(browser.username).toString()).size());
    }

    /** A native request for partner-native (or another public client) on this loopback port. */
    static Response nativeRequest(Browser browser, String clientId, int port, String scope) {
        return authorize(browser, "response_type", "code", "client_id", clientId,
                "redirect_uri", "http://127.0.0.1:" + port + "/callback", "code_challenge", challenge(),
                "code_challenge_method", "S256", "scope", scope, "state", "p" + port);
    }

    @Test
    void aPublicClientAlwaysShowsTheConsentPageEvenOnAnotherLoopbackPortAndTheUserCanStillDeny() throws Exception {
        Browser browser = signedIn();
        Response first = nativeRequest(browser, NATIVE, 51234, "db:read");
        first.then().statusCode(200).body(not(containsString("You approved Acme Desktop before")));
        decide(browser, first, "allow").then().statusCode(303);

        // RFC 8252 §8.6: any local program can send partner-native's client_id, on this port or any other
        for (int port : List.of(51234, 40999)) {
            Response again = nativeRequest(browser, NATIVE, port, "db:read");
            again.then().statusCode(200).header("Location", nullValue())
                    .body(containsString("Allow Acme Desktop to access your account?"))
                    .body(containsString("You approved Acme Desktop before"));
            Response denied = decide(browser, again, "deny");
            denied.then().statusCode(303);
            assertEquals("access_denied", query(denied.header("Location")).get("error"));
        }
        assertEquals(1, codeCallsFor(TestUsers.idOf(browser.username).toString()).size(), "one code: the first Allow");
    }

    @Test
    void aFirstPartyPublicClientsConsentIsRemembered() throws Exception {
        Browser browser = signedIn();
        decide(browser, nativeRequest(browser, "own-desktop", 51234, "db:read"), "allow").then().statusCode(303);

        Response again = nativeRequest(browser, "own-desktop", 40999, "db:read");
        again.then().statusCode(303);
        assertTrue(again.header("Location").startsWith("http://127.0.0.1:40999/callback?code="), again.header("Location"));
        assertEquals(2, codeCallsFor(TestUsers.idOf(browser.username).toString()).size());
    }

    @Test
    void moreScopesAskAgain() throws Exception {
        Browser browser = signedIn();
        decide(browser, webRequest(browser, "db:read"), "allow").then().statusCode(303);

        Response page = webRequest(browser, "db:read db:write");
        page.then().statusCode(200).body(containsString("Create, change and delete your databases and their data"));

        decide(browser, page, "allow").then().statusCode(303);
        assertEquals("db:read db:write", TestUsers.query(
                "select scopes from consent.grants where user_id = ? and revoked_at is null",
                TestUsers.idOf(browser.username)).get(0).get("scopes"));
    }

    @Test
    void consentWithoutTheSessionCsrfTokenIsForbidden() throws Exception {
        Browser browser = signedIn();
        Map<String, String> form = consentForm(webRequest(browser, "db:read"));
        form.remove("csrf");
        form.put("decision", "allow");
        browser.post("/consent", form).then().statusCode(403).header("Location", nullValue());
        form.put("csrf", "forged");
        browser.post("/consent", form).then().statusCode(403);
        assertEquals(0, codeCallsFor(TestUsers.idOf(browser.username).toString()).size());
    }

    @Test
    void theDecisionValidatesTheRequestAgain() throws Exception {
        Browser browser = signedIn();
        Map<String, String> form = consentForm(webRequest(browser, "db:read"));
        form.put("redirect_uri", "https://evil.example/cb");
        form.put("decision", "allow");
        browser.post("/consent", form).then().statusCode(400).header("Location", nullValue());
        form.put("redirect_uri", WEB_REDIRECT);
        form.put("scope", "db:read admin");
        Response r = browser.post("/consent", form);
        assertEquals("invalid_scope", query(r.header("Location")).get("error"));
        assertEquals(0, codeCallsFor(TestUsers.idOf(browser.username).toString()).size());
    }

    @Test
    void aRegisteredQueryInTheRedirectUriIsKept() throws Exception {
        Browser browser = signedIn();
        Response page = authorize(browser, "response_type", "code", "client_id", WEB,
                "redirect_uri", "https://acme.example/cb?tenant=7", "scope", "db:read");
        page.then().header("Content-Security-Policy", containsString("form-action 'self' https://acme.example;"));
        Response r = decide(browser, page, "allow");
        assertTrue(r.header("Location").startsWith("https://acme.example/cb?tenant=7&code="), r.header("Location"));
    }

    @Test
    void aChallengeTokenServiceRefusesBecomesInvalidRequestAtTheRedirect() throws Exception {
        Browser browser = signedIn();
        String c = challenge();
        InternalServicesStub.SEEN_CHALLENGES.add(c);
        Response page = authorize(browser, "response_type", "code", "client_id", NATIVE, "redirect_uri", NATIVE_REDIRECT,
                "code_challenge", c, "code_challenge_method", "S256", "scope", "db:read");
        Map<String, String> q = query(decide(browser, page, "allow").header("Location"));
        assertEquals("invalid_request", q.get("error"));
        assertTrue(q.get("error_description").contains("code_challenge"));
    }

    @Test
    void signedOutDecisionIsSentToSignIn() throws Exception {
        Browser browser = signedIn();
        Map<String, String> form = consentForm(webRequest(browser, "db:read"));
        form.put("decision", "allow");
        Browser stranger = new Browser();
        stranger.post("/consent", form).then().statusCode(303).header("Location", containsString("/login?return_to="));
        assertEquals(0, codeCallsFor(TestUsers.idOf(browser.username).toString()).size());
    }

    @Test
    void errorPagesDoNotLeakTheRequestIntoALink() throws Exception {
        authorize(signedIn(), "client_id", WEB, "redirect_uri", "javascript:alert(1)").then()
                .statusCode(400)
                .body(not(containsString("javascript:")));
    }
}
