package io.latchkey.consent.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.latchkey.consent.Browser;
import io.latchkey.consent.InternalServicesStub;
import io.latchkey.consent.TestUsers;
import io.latchkey.consent.user.DemoSeed;
import io.latchkey.testsupport.FreshDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Issue 12: scope admin is granted only to operators, and never without being asked for and shown. */
@QuarkusTest
@QuarkusTestResource(FreshDatabase.class)
@QuarkusTestResource(InternalServicesStub.class)
class OperatorScopeTest {

    private static final String CLIENT = "ops-web";
    private static final String REDIRECT = "https://ops.example/cb";

    private static Browser signedIn(boolean operator) throws Exception {
        String username = "ops-" + UUID.randomUUID() + "@latchkey.dev";
        UUID id = TestUsers.create(username, "pw-" + username, false);
        if (operator) {
            try (var c = TestUsers.db(); var s = c.prepareStatement("update consent.users set operator = true where id = ?")) {
                s.setObject(1, id);
                s.executeUpdate();
            }
        }
        Browser browser = new Browser();
        browser.signIn(username, "pw-" + username).then().statusCode(303);
        browser.username = username;
        return browser;
    }

    private static Response authorize(Browser browser, String scope) {
        List<String> q = new java.util.ArrayList<>(List.of("response_type", "code", "client_id", CLIENT,
                "redirect_uri", REDIRECT, "state", "st-admin", "code_challenge", AuthorizeResourceTest.challenge(),
                "code_challenge_method", "S256"));
        if (scope != null) {
            q.addAll(List.of("scope", scope));
        }
        return browser.getQuery("/oauth/authorize", q.toArray(String[]::new));
    }

    @Test
    void aNonOperatorAskingForAdminGetsInvalidScopeAtTheRedirectUriWithStateAndIss() throws Exception {
        Browser user = signedIn(false);
        Response r = authorize(user, "profile admin");
        r.then().statusCode(303);
        String location = r.header("Location");
        assertTrue(location.startsWith(REDIRECT + "?error=invalid_scope"), location);
        assertTrue(location.contains("state=st-admin"), location);
        assertTrue(location.contains("iss=http%3A%2F%2Flocalhost%3A8080"), location);
        assertTrue(TestUsers.query("select 1 from consent.grants g join consent.users u on u.id = g.user_id "
                + "where u.username = ?", user.username).isEmpty(), "no grant written");
    }

    @Test
    void anOperatorSeesAdminOnTheConsentPageEvenForARememberedConfidentialClient() throws Exception {
        Browser operator = signedIn(true);
        UUID id = TestUsers.idOf(operator.username);
        TestUsers.grant(id, CLIENT, "profile admin", "web", 1);
        authorize(operator, "profile admin").then().statusCode(200)
                .body(containsString("Administer Latchkey as an operator"));
    }

    @Test
    void withoutAScopeParameterAdminIsNeverIncluded() throws Exception {
        Browser operator = signedIn(true);
        authorize(operator, null).then().statusCode(200)
                .body(containsString("See your name and email address"))
                .body(not(containsString("Administer Latchkey")));
    }

    @Test
    void theDemoOperatorIsSeededAsAnOperator() throws Exception {
        List<Map<String, Object>> rows = TestUsers.query("select operator from consent.users where username = ?",
                DemoSeed.OPERATOR_USERNAME);
        assertEquals(true, rows.get(0).get("operator"));
        assertEquals(false, TestUsers.query("select operator from consent.users where username = ?",
                DemoSeed.USERNAME).get(0).get("operator"));
    }

    @Test
    void aNonOperatorCannotApproveADeviceAskingForAdminAndTheDeviceIsDenied() throws Exception {
        String code = freshCode();
        InternalServicesStub.pending(code, "latchkey-cli", "profile admin");
        Browser user = signedIn(false);
        String csrf = Browser.csrfOf(user.get("/device"));
        user.post("/device", Map.of("user_code", code, "csrf", csrf)).then().statusCode(303)
                .header("Location", "/device/confirm");
        user.get("/device/confirm").then().statusCode(200)
                .body(containsString("This device asks for administrator access"));
        csrf = Browser.csrfOf(user.get("/device"));
        user.post("/device/decision", Map.of("user_code", code, "decision", "approve", "csrf", csrf))
                .then().statusCode(403).body(containsString("only Latchkey operators can approve"));
        // device-service was told to deny: the device's next poll answers access_denied
        assertEquals("denied", InternalServicesStub.CODES.get(code).getString("status"));
        assertTrue(TestUsers.query("select 1 from consent.grants g join consent.users u on u.id = g.user_id "
                + "where u.username = ?", user.username).isEmpty(), "no grant written");
    }

    @Test
    void anOperatorCanApproveADeviceAskingForAdmin() throws Exception {
        String code = freshCode();
        InternalServicesStub.pending(code, "latchkey-cli", "profile admin");
        Browser operator = signedIn(true);
        String csrf = Browser.csrfOf(operator.get("/device"));
        operator.post("/device", Map.of("user_code", code, "csrf", csrf)).then().statusCode(303);
        csrf = Browser.csrfOf(operator.get("/device"));
        operator.post("/device/decision", Map.of("user_code", code, "decision", "approve", "csrf", csrf))
                .then().statusCode(303).header("Location", "/device/done");
        assertEquals("approved", InternalServicesStub.CODES.get(code).getString("status"));
    }

    private static String freshCode() {
        String alphabet = "BCDFGHJKLMNPQRSTVWXZ";
        StringBuilder sb = new StringBuilder();
        java.util.concurrent.ThreadLocalRandom r = java.util.concurrent.ThreadLocalRandom.current();
        for (int i = 0; i < 8; i++) {
            sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
