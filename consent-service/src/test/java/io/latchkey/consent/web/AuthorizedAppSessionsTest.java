package io.latchkey.consent.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
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

/** Issue 13: the sessions of each authorized app on the page, revoking one, and "Revoke all apps". */
@QuarkusTest
@QuarkusTestResource(FreshDatabase.class)
@QuarkusTestResource(InternalServicesStub.class)
class AuthorizedAppSessionsTest {

    static final String PAGE = "/account/authorized-apps";
    static final String MAC_CHROME = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 "
            + "(KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
    static final String CLI = "latchkey-cli/0.1.0 (Linux; laptop-7)";

    @AfterEach
    void tokenServiceBack() {
        InternalServicesStub.grantsDown = false;
    }

    static List<Map<String, Object>> audit(UUID userId, String action) throws Exception {
        return TestUsers.query("select * from consent.audit_events where user_id = ? and action = ? order by at",
                userId, action);
    }

    private static String sessionForm(UUID grant, String session) {
        return PAGE + "/" + grant + "/sessions/" + session + "/revoke";
    }

    @Test
    void eachAppListsItsSessionsWithReadableDeviceIpDatesAndTheirOwnRevoke() throws Exception {
        Browser browser = AuthorizedAppsResourceTest.signedIn();
        UUID grant = TestUsers.grant(AuthorizedAppsResourceTest.userOf(browser), "latchkey-cli", "db:read", "device", 1);
        String first = InternalServicesStub.session(grant, CLI, "198.51.100.7", null);
        String second = InternalServicesStub.session(grant, MAC_CHROME, "2001:db8::7", null);

        browser.get(PAGE).then().statusCode(200)
                .body(containsString("latchkey CLI on laptop-7 (Linux)"))
                .body(containsString("Chrome on macOS"))
                .body(containsString("198.51.100.7"))
                .body(containsString("2001:db8::7"))
                .body(containsString("2 Jan 2030, 03:04 UTC"))
                .body(containsString("3 Jan 2030, 04:05 UTC"))
                .body(containsString("action=\"" + sessionForm(grant, first) + "\""))
                .body(containsString("action=\"" + sessionForm(grant, second) + "\""))
                .body(containsString("class=\"button-danger\""))
                .body(containsString("Disconnect app"))
                .body(containsString("action=\"/account/authorized-apps/revoke-all\""))
                // the newest session first, as token-service lists them
                .body(containsString("data-session-id=\"" + second + "\""));
        String html = browser.get(PAGE).asString();
        assertTrue(html.indexOf(second) < html.indexOf(first), "newest first");
    }

    @Test
    void withoutTokenServiceThePageSaysSessionsCannotBeShownButListsTheApp() throws Exception {
        Browser browser = AuthorizedAppsResourceTest.signedIn();
        UUID grant = TestUsers.grant(AuthorizedAppsResourceTest.userOf(browser), "latchkey-cli", "db:read", "device", 1);
        InternalServicesStub.session(grant, CLI, "198.51.100.7", null);
        InternalServicesStub.grantsDown = true;

        browser.get(PAGE).then().statusCode(200)
                .body(containsString("Latchkey CLI"))
                .body(containsString("sessions cannot be shown right now"))
                .body(not(containsString("laptop-7")));
    }

    @Test
    void revokingOneSessionRevokesOnlyThatFamilyRedirectsWithANoticeAndAuditsIt() throws Exception {
        Browser browser = AuthorizedAppsResourceTest.signedIn();
        UUID user = AuthorizedAppsResourceTest.userOf(browser);
        UUID grant = TestUsers.grant(user, "latchkey-cli", "db:read", "device", 1);
        String lost = InternalServicesStub.session(grant, CLI, "198.51.100.7", null);
        String kept = InternalServicesStub.session(grant, MAC_CHROME, "198.51.100.8", null);
        String csrf = Browser.csrfOf(browser.get(PAGE));

        browser.post(sessionForm(grant, lost), Map.of("csrf", csrf)).then().statusCode(303)
                .header("Location", PAGE + "?notice=session-revoked");

        assertEquals(1, InternalServicesStub.callsTo("/internal/grants/" + grant + "/sessions/" + lost + "/revoke").size());
        assertTrue(InternalServicesStub.callsTo("/internal/grants/" + grant + "/revoke").isEmpty(), "the app stays");
        assertNull(AuthorizedAppsResourceTest.grantRow(grant).get("revoked_at"));
        browser.get(PAGE + "?notice=session-revoked").then().statusCode(200)
                .body(containsString("Session revoked"))
                .body(not(containsString(lost)))
                .body(containsString(kept));
        List<Map<String, Object>> rows = audit(user, "session.revoke");
        assertEquals(1, rows.size());
        assertEquals(grant, rows.get(0).get("grant_id"));
        assertEquals("latchkey-cli", rows.get(0).get("client_id"));
        assertEquals(browser.ip, rows.get(0).get("ip"));
        assertEquals("TestBrowser/1.0", rows.get(0).get("user_agent"));
        assertTrue(String.valueOf(rows.get(0).get("detail")).contains(lost));
    }

    @Test
    void revokingASessionAgainOrOneThatIsGoneShowsANoticeNotAnErrorAndAuditsOnce() throws Exception {
        Browser browser = AuthorizedAppsResourceTest.signedIn();
        UUID user = AuthorizedAppsResourceTest.userOf(browser);
        UUID grant = TestUsers.grant(user, "latchkey-cli", "db:read", "device", 1);
        String session = InternalServicesStub.session(grant, CLI, "198.51.100.7", null);
        String csrf = Browser.csrfOf(browser.get(PAGE));

        browser.post(sessionForm(grant, session), Map.of("csrf", csrf)).then().statusCode(303);
        browser.post(sessionForm(grant, session), Map.of("csrf", csrf)).then().statusCode(303)
                .header("Location", PAGE + "?notice=gone");
        browser.post(sessionForm(grant, UUID.randomUUID().toString()), Map.of("csrf", csrf)).then().statusCode(303)
                .header("Location", PAGE + "?notice=gone");
        browser.get(PAGE + "?notice=gone").then().statusCode(200).body(containsString("nothing left to revoke"));

        assertEquals(1, audit(user, "session.revoke").size());
    }

    @Test
    void aSessionOfAnotherUsersAppOrOfAnotherAppCannotBeRevoked() throws Exception {
        Browser browser = AuthorizedAppsResourceTest.signedIn();
        Browser other = AuthorizedAppsResourceTest.signedIn();
        UUID mine = TestUsers.grant(AuthorizedAppsResourceTest.userOf(browser), "latchkey-cli", "db:read", "device", 1);
        UUID theirs = TestUsers.grant(AuthorizedAppsResourceTest.userOf(other), "latchkey-cli", "db:read", "device", 1);
        String theirSession = InternalServicesStub.session(theirs, CLI, "198.51.100.9", null);
        String csrf = Browser.csrfOf(browser.get("/device"));

        browser.post(sessionForm(theirs, theirSession), Map.of("csrf", csrf)).then().statusCode(303)
                .header("Location", PAGE + "?notice=gone");
        // their session under my grant: not one of my grant's sessions
        browser.post(sessionForm(mine, theirSession), Map.of("csrf", csrf)).then().statusCode(303)
                .header("Location", PAGE + "?notice=gone");

        assertTrue(InternalServicesStub.callsTo("/sessions/" + theirSession + "/revoke").isEmpty());
        other.get(PAGE).then().body(containsString(theirSession));
    }

    @Test
    void aSessionRevokeNeedsASignedInUserTheCsrfTokenAndWellFormedIds() throws Exception {
        Browser browser = AuthorizedAppsResourceTest.signedIn();
        UUID grant = TestUsers.grant(AuthorizedAppsResourceTest.userOf(browser), "latchkey-cli", "db:read", "device", 1);
        String session = InternalServicesStub.session(grant, CLI, "198.51.100.7", null);
        String csrf = Browser.csrfOf(browser.get(PAGE));

        new Browser().post(sessionForm(grant, session), Map.of("csrf", csrf)).then().statusCode(303)
                .header("Location", containsString("/login?return_to="));
        browser.post(sessionForm(grant, session), Map.of("csrf", "forged")).then().statusCode(403);
        browser.post(sessionForm(grant, session), Map.of()).then().statusCode(403);
        browser.post(PAGE + "/" + grant + "/sessions/not-a-uuid/revoke", Map.of("csrf", csrf)).then().statusCode(404);
        browser.post(PAGE + "/not-a-uuid/sessions/" + session + "/revoke", Map.of("csrf", csrf)).then().statusCode(404);
        browser.post(PAGE + "/" + grant + "/sessions/" + "a".repeat(2000) + "/revoke", Map.of("csrf", csrf))
                .then().statusCode(404);

        assertTrue(InternalServicesStub.callsTo("/sessions/" + session + "/revoke").isEmpty());
        browser.get(PAGE).then().body(containsString(session));
    }

    @Test
    void whenTokenServiceIsDownASessionRevokeIs503AndNothingIsRecorded() throws Exception {
        Browser browser = AuthorizedAppsResourceTest.signedIn();
        UUID user = AuthorizedAppsResourceTest.userOf(browser);
        UUID grant = TestUsers.grant(user, "latchkey-cli", "db:read", "device", 1);
        String session = InternalServicesStub.session(grant, CLI, "198.51.100.7", null);
        String csrf = Browser.csrfOf(browser.get(PAGE));
        InternalServicesStub.grantsDown = true;

        browser.post(sessionForm(grant, session), Map.of("csrf", csrf)).then().statusCode(503)
                .header("Retry-After", "1");

        assertTrue(audit(user, "session.revoke").isEmpty());
        InternalServicesStub.grantsDown = false;
        browser.get(PAGE).then().body(containsString(session));
    }

    @Test
    void revokeAllAsksOnceListingEveryAppThenRevokesThemAllAndAudits() throws Exception {
        Browser browser = AuthorizedAppsResourceTest.signedIn();
        UUID user = AuthorizedAppsResourceTest.userOf(browser);
        UUID cli = TestUsers.grant(user, "latchkey-cli", "db:read", "device", 2);
        UUID web = TestUsers.grant(user, "partner-web", "profile", "web", 1);
        InternalServicesStub.session(cli, CLI, "198.51.100.7", null);

        String confirm = browser.get(PAGE + "/revoke-all").then().statusCode(200)
                .body(containsString("Revoke all apps?"))
                .body(containsString("Latchkey CLI"))
                .body(containsString("Acme Insights"))
                .body(containsString("method=\"post\" action=\"/account/authorized-apps/revoke-all\""))
                .body(containsString("class=\"button-danger\""))
                .extract().asString();
        assertNull(AuthorizedAppsResourceTest.grantRow(cli).get("revoked_at"), "asking changes nothing");

        browser.post(PAGE + "/revoke-all", Map.of("csrf", Browser.csrfOf(browser.get(PAGE + "/revoke-all"))))
                .then().statusCode(303).header("Location", PAGE + "?notice=all-revoked");

        assertTrue(confirm.contains("2 apps"), confirm);
        assertNotNull(AuthorizedAppsResourceTest.grantRow(cli).get("revoked_at"));
        assertNotNull(AuthorizedAppsResourceTest.grantRow(web).get("revoked_at"));
        assertEquals(1, InternalServicesStub.callsTo("/internal/grants/" + cli + "/revoke").size());
        assertEquals(1, InternalServicesStub.callsTo("/internal/grants/" + web + "/revoke").size());
        List<Map<String, Object>> all = audit(user, "revoke_all");
        assertEquals(1, all.size());
        assertEquals("{\"apps\":2}", String.valueOf(all.get(0).get("detail")).replace(" ", ""));
        assertEquals(browser.ip, all.get(0).get("ip"));
        assertEquals(2, audit(user, "revoke").size());
        browser.get(PAGE + "?notice=all-revoked").then().statusCode(200)
                .body(containsString("All apps disconnected"))
                .body(containsString("No apps have access to your account."));
    }

    @Test
    void revokeAllAgainOrWithNothingToRevokeIsANoticeAndAuditsNothingMore() throws Exception {
        Browser browser = AuthorizedAppsResourceTest.signedIn();
        UUID user = AuthorizedAppsResourceTest.userOf(browser);
        TestUsers.grant(user, "latchkey-cli", "db:read", "device", 2);
        String csrf = Browser.csrfOf(browser.get(PAGE + "/revoke-all"));
        browser.post(PAGE + "/revoke-all", Map.of("csrf", csrf)).then().statusCode(303);

        browser.post(PAGE + "/revoke-all", Map.of("csrf", csrf)).then().statusCode(303)
                .header("Location", PAGE + "?notice=gone");
        browser.get(PAGE + "/revoke-all").then().statusCode(303).header("Location", PAGE + "?notice=gone");

        assertEquals(1, audit(user, "revoke_all").size());
    }

    @Test
    void revokeAllNeedsASignedInUserAndTheCsrfToken() throws Exception {
        Browser browser = AuthorizedAppsResourceTest.signedIn();
        UUID grant = TestUsers.grant(AuthorizedAppsResourceTest.userOf(browser), "latchkey-cli", "db:read", "device", 2);

        new Browser().get(PAGE + "/revoke-all").then().statusCode(303)
                .header("Location", "/login?return_to=%2Faccount%2Fauthorized-apps%2Frevoke-all");
        new Browser().post(PAGE + "/revoke-all", Map.of("csrf", "x")).then().statusCode(303)
                .header("Location", containsString("/login?return_to="));
        browser.post(PAGE + "/revoke-all", Map.of("csrf", "forged")).then().statusCode(403);
        browser.post(PAGE + "/revoke-all", Map.of()).then().statusCode(403);

        assertNull(AuthorizedAppsResourceTest.grantRow(grant).get("revoked_at"));
        assertTrue(InternalServicesStub.callsTo("/internal/grants/" + grant + "/revoke").isEmpty());
    }

    @Test
    void whenTokenServiceIsDownRevokeAllIs503AndEveryAppKeepsItsGrant() throws Exception {
        Browser browser = AuthorizedAppsResourceTest.signedIn();
        UUID user = AuthorizedAppsResourceTest.userOf(browser);
        UUID grant = TestUsers.grant(user, "latchkey-cli", "db:read", "device", 2);
        String csrf = Browser.csrfOf(browser.get(PAGE + "/revoke-all"));
        InternalServicesStub.grantsDown = true;

        browser.post(PAGE + "/revoke-all", Map.of("csrf", csrf)).then().statusCode(503);

        assertNull(AuthorizedAppsResourceTest.grantRow(grant).get("revoked_at"));
        assertTrue(audit(user, "revoke_all").isEmpty());
    }

    @Test
    void anAppWithoutALogoGetsALetterMarkAndOneWithALogoItsImage() throws Exception {
        Browser browser = AuthorizedAppsResourceTest.signedIn();
        UUID user = AuthorizedAppsResourceTest.userOf(browser);
        TestUsers.grant(user, "partner-native", "profile", "web", 1);
        TestUsers.grant(user, "latchkey-cli", "profile", "device", 2);

        browser.get(PAGE).then().statusCode(200)
                .body(containsString("class=\"app-mark app-mark-letter"))
                .body(containsString("aria-label=\"Acme Desktop\">A</span>"))
                .body(containsString("<img class=\"app-mark\" src=\"https://cli.latchkey.dev/logo.png\""));
    }

    @Test
    void anUnknownNoticeShowsNothing() throws Exception {
        Browser browser = AuthorizedAppsResourceTest.signedIn();
        browser.get(PAGE + "?notice=%3Cscript%3E").then().statusCode(200)
                .body(not(containsString("id=\"notice\"")));
    }
}
