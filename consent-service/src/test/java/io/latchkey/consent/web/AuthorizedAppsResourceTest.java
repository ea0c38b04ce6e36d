package io.latchkey.consent.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.latchkey.consent.Browser;
import io.latchkey.consent.InternalServicesStub;
import io.latchkey.consent.TestUsers;
import io.latchkey.testsupport.FreshDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
@QuarkusTestResource(FreshDatabase.class)
@QuarkusTestResource(InternalServicesStub.class)
class AuthorizedAppsResourceTest {

    private static final String PAGE = "/account/authorized-apps";

    /** A fresh user per test, signed in; its id in {@code username}'s row. */
    static Browser signedIn() throws Exception {
        String username = "apps-" + UUID.randomUUID() + "@latchkey.dev";
        TestUsers.create(username, "pw-" + username, false);
        Browser browser = new Browser();
        browser.signIn(username, "pw-" + username).then().statusCode(303);
        browser.username = username;
        return browser;
    }

    static UUID userOf(Browser browser) throws Exception {
        return TestUsers.idOf(browser.username);
    }

    static Map<String, Object> grantRow(UUID grantId) throws Exception {
        return TestUsers.query("select * from consent.grants where id = ?", grantId).get(0);
    }

    static List<Map<String, Object>> auditRows(UUID grantId) throws Exception {
        return TestUsers.query("select * from consent.audit_events where grant_id = ? and action = 'revoke'", grantId);
    }

    private static Response confirmAndRevoke(Browser browser, UUID grantId) {
        String csrf = Browser.csrfOf(browser.get(PAGE + "/" + grantId + "/revoke"));
        return browser.post(PAGE + "/" + grantId + "/revoke", Map.of("csrf", csrf));
    }

    @AfterEach
    void tokenServiceBack() {
        InternalServicesStub.grantsDown = false;
    }

    @Test
    void signedOutTheListSendsTheBrowserToSignIn() {
        new Browser().get(PAGE).then().statusCode(303)
                .header("Location", "/login?return_to=%2Faccount%2Fauthorized-apps");
    }

    @Test
    void theListShowsEachActiveAppWithLogoHomepageScopesInPlainWordsDatesAndHow() throws Exception {
        Browser browser = signedIn();
        UUID grant = TestUsers.grant(userOf(browser), "latchkey-cli", "profile db:read custom:thing", "device", 3);
        InternalServicesStub.LAST_USED.put(grant.toString(), "2030-05-06T07:08:09Z");

        browser.get(PAGE).then().statusCode(200)
                .header("X-Frame-Options", "DENY")
                .body(containsString("Latchkey CLI"))
                .body(containsString("https://cli.latchkey.dev/logo.png"))
                .body(containsString("https://cli.latchkey.dev"))
                .body(containsString("See your name and email address"))
                .body(containsString("Read your databases and their data"))
                .body(containsString("<code>custom:thing</code>"))
                .body(containsString("on a device"))
                .body(containsString("6 May 2030, 07:08 UTC"))
                .body(containsString("action=\"/account/authorized-apps/" + grant + "/revoke\""));
    }

    @Test
    void revokedGrantsAndOtherUsersGrantsAreNotListed() throws Exception {
        Browser browser = signedIn();
        Browser other = signedIn();
        UUID revoked = TestUsers.grant(userOf(browser), "latchkey-cli", "db:read", "device", 1);
        TestUsers.query("update consent.grants set revoked_at = now() where id = ? returning id", revoked);
        UUID theirs = TestUsers.grant(userOf(other), "latchkey-cli", "db:read", "device", 1);

        browser.get(PAGE).then().statusCode(200)
                .body(containsString("No apps have access to your account."))
                .body(not(containsString(revoked.toString())))
                .body(not(containsString(theirs.toString())));
    }

    @Test
    void withoutTokenServiceUsageTheListStillShowsTheAppWithItsConsentTime() throws Exception {
        Browser browser = signedIn();
        TestUsers.grant(userOf(browser), "latchkey-cli", "db:read", "device", 0);
        InternalServicesStub.grantsDown = true;

        browser.get(PAGE).then().statusCode(200).body(containsString("Latchkey CLI"));
    }

    @Test
    void theConfirmationPageNamesTheAppAndWhatItLosesAndPostsWithCsrf() throws Exception {
        Browser browser = signedIn();
        UUID grant = TestUsers.grant(userOf(browser), "latchkey-cli", "db:write", "device", 0);

        browser.get(PAGE + "/" + grant + "/revoke").then().statusCode(200)
                .body(containsString("Disconnect Latchkey CLI?"))
                .body(containsString("Create, change and delete your databases and their data"))
                .body(containsString("method=\"post\" action=\"/account/authorized-apps/" + grant + "/revoke\""))
                .body(containsString("name=\"csrf\""));
        assertNull(grantRow(grant).get("revoked_at"), "showing the confirmation changes nothing");
    }

    @Test
    void revokingMarksTheGrantRevokedTellsTokenServiceAndAuditsWhoWhatWhenAndFromWhere() throws Exception {
        Browser browser = signedIn();
        UUID grant = TestUsers.grant(userOf(browser), "latchkey-cli", "profile db:read", "device", 0);

        // post/redirect/get: the answer is a 303 to the list, whose notice says what happened
        confirmAndRevoke(browser, grant).then().statusCode(303)
                .header("Location", PAGE + "?notice=app-revoked");
        browser.get(PAGE + "?notice=app-revoked").then().statusCode(200)
                .body(containsString("App disconnected"))
                .body(containsString("The app can no longer access your account."));

        assertNotNull(grantRow(grant).get("revoked_at"));
        assertEquals(1, InternalServicesStub.callsTo("/internal/grants/" + grant + "/revoke").size());
        List<Map<String, Object>> audit = auditRows(grant);
        assertEquals(1, audit.size());
        assertEquals(userOf(browser), audit.get(0).get("user_id"));
        assertEquals("latchkey-cli", audit.get(0).get("client_id"));
        assertEquals("profile db:read", audit.get(0).get("scopes"));
        assertEquals(browser.ip, audit.get(0).get("ip"));
        assertEquals("TestBrowser/1.0", audit.get(0).get("user_agent"));
        assertNotNull(audit.get(0).get("at"));
        browser.get(PAGE).then().body(not(containsString(grant.toString())));
    }

    @Test
    void aRevokeWithoutTheCsrfTokenIsRefusedAndChangesNothing() throws Exception {
        Browser browser = signedIn();
        UUID grant = TestUsers.grant(userOf(browser), "latchkey-cli", "db:read", "device", 0);

        browser.post(PAGE + "/" + grant + "/revoke", Map.of("csrf", "forged")).then().statusCode(403);
        browser.post(PAGE + "/" + grant + "/revoke", Map.of()).then().statusCode(403);

        assertNull(grantRow(grant).get("revoked_at"));
        assertTrue(InternalServicesStub.callsTo("/internal/grants/" + grant).isEmpty());
        assertTrue(auditRows(grant).isEmpty());
    }

    @Test
    void whenTokenServiceIsDownTheRevokeFailsWith503AndTheGrantStaysActive() throws Exception {
        Browser browser = signedIn();
        UUID grant = TestUsers.grant(userOf(browser), "latchkey-cli", "db:read", "device", 0);
        String csrf = Browser.csrfOf(browser.get(PAGE + "/" + grant + "/revoke"));
        InternalServicesStub.grantsDown = true;

        browser.post(PAGE + "/" + grant + "/revoke", Map.of("csrf", csrf)).then().statusCode(503)
                .header("Retry-After", "1");

        assertNull(grantRow(grant).get("revoked_at"), "not recorded as revoked while it still works");
        assertTrue(auditRows(grant).isEmpty());
        InternalServicesStub.grantsDown = false;
        browser.post(PAGE + "/" + grant + "/revoke", Map.of("csrf", csrf)).then().statusCode(303);
        assertNotNull(grantRow(grant).get("revoked_at"));
    }

    @Test
    void anotherUsersGrantCannotBeSeenOrRevoked() throws Exception {
        Browser browser = signedIn();
        Browser other = signedIn();
        UUID theirs = TestUsers.grant(userOf(other), "latchkey-cli", "db:read", "device", 0);
        String csrf = Browser.csrfOf(browser.get("/device"));

        // another user's grant looks exactly like one that is gone: nothing tells it exists
        browser.get(PAGE + "/" + theirs + "/revoke").then().statusCode(303).header("Location", PAGE + "?notice=gone");
        browser.post(PAGE + "/" + theirs + "/revoke", Map.of("csrf", csrf)).then().statusCode(303)
                .header("Location", PAGE + "?notice=gone");
        browser.get(PAGE + "/not-a-uuid/revoke").then().statusCode(404);
        browser.post(PAGE + "/not-a-uuid/revoke", Map.of("csrf", csrf)).then().statusCode(404);
        assertTrue(InternalServicesStub.callsTo("/internal/grants/" + theirs + "/revoke").isEmpty());
        assertNull(grantRow(theirs).get("revoked_at"));
    }

    @Test
    void revokingTwiceShowsAnAlreadyRevokedNoticeTheSecondTimeNotAnError() throws Exception {
        Browser browser = signedIn();
        UUID grant = TestUsers.grant(userOf(browser), "latchkey-cli", "db:read", "device", 0);
        String csrf = Browser.csrfOf(browser.get(PAGE + "/" + grant + "/revoke"));
        browser.post(PAGE + "/" + grant + "/revoke", Map.of("csrf", csrf)).then().statusCode(303);
        browser.post(PAGE + "/" + grant + "/revoke", Map.of("csrf", csrf)).then().statusCode(303)
                .header("Location", PAGE + "?notice=gone");
        browser.get(PAGE + "/" + grant + "/revoke").then().statusCode(303).header("Location", PAGE + "?notice=gone");
        browser.get(PAGE + "?notice=gone").then().statusCode(200)
                .body(containsString("Already revoked"))
                .body(not(containsString("App not found")));
        assertEquals(1, auditRows(grant).size());
    }

    @Test
    void authorizingTheAppAgainAfterARevokeCreatesAFreshGrant() throws Exception {
        Browser browser = signedIn();
        String first = approveDevice(browser);
        UUID firstGrant = UUID.fromString(first);
        confirmAndRevoke(browser, firstGrant).then().statusCode(303);

        String second = approveDevice(browser);

        assertNotEquals(first, second);
        assertNotNull(grantRow(firstGrant).get("revoked_at"));
        assertNull(grantRow(UUID.fromString(second)).get("revoked_at"));
    }

    /** Approves a new device code for latchkey-cli through the pages; returns the grant id sent to device-service. */
    private static String approveDevice(Browser browser) {
        StringBuilder random = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            random.append("BCDFGHJKLMNPQRSTVWXZ".charAt(java.util.concurrent.ThreadLocalRandom.current().nextInt(20)));
        }
        String code = random.toString();
        InternalServicesStub.pending(code, "latchkey-cli", "db:read");
        String csrf = Browser.csrfOf(browser.get("/device"));
        browser.post("/device", Map.of("user_code", code, "csrf", csrf)).then().statusCode(303);
        // post/redirect/get: the decision answers 303 to /device/done
        browser.post("/device/decision", Map.of("user_code", code, "decision", "approve", "csrf", csrf))
                .then().statusCode(303);
        List<InternalServicesStub.Call> approvals = InternalServicesStub.callsTo(code + "/approve");
        return approvals.get(approvals.size() - 1).body().getString("grant_id");
    }
}
