package io.latchkey.consent.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

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

@QuarkusTest
@QuarkusTestResource(FreshDatabase.class)
@QuarkusTestResource(InternalServicesStub.class)
class DeviceVerificationResourceTest {

    private static final String ALPHABET = "BCDFGHJKLMNPQRSTVWXZ";

    /** A fresh user per test, so grants and audit rows never mix between tests. */
    private static Browser signedIn() throws Exception {
        String username = "user-" + UUID.randomUUID() + "@latchkey.dev";
        TestUsers.create(username, "pw-" + username, false);
        Browser browser = new Browser();
        browser.signIn(username, "pw-" + username).then().statusCode(303);
        browser.username = username;
        return browser;
    }

    private static String newCode() {
        StringBuilder sb = new StringBuilder();
        java.util.concurrent.ThreadLocalRandom r = java.util.concurrent.ThreadLocalRandom.current();
        for (int i = 0; i < 8; i++) {
            sb.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    private static Response enter(Browser browser, String typed) {
        String csrf = Browser.csrfOf(browser.get("/device"));
        Response posted = browser.post("/device", Map.of("user_code", typed, "csrf", csrf));
        // post/redirect/get: a found code answers 303 to its confirmation page, which the browser then loads
        if (posted.statusCode() == 303 && "/device/confirm".equals(posted.getHeader("Location"))) {
            return browser.get("/device/confirm");
        }
        return posted;
    }

    @Test
    void aFoundCodeRedirectsToItsConfirmationSoAReloadNeverRePosts() throws Exception {
        String code = newCode();
        InternalServicesStub.pending(code, "latchkey-cli", "profile");
        Browser browser = signedIn();
        String csrf = Browser.csrfOf(browser.get("/device"));
        browser.post("/device", Map.of("user_code", code, "csrf", csrf)).then().statusCode(303)
                .header("Location", "/device/confirm");
        // the GET shows the remembered code, as often as it is reloaded, and counts no attempt
        for (int i = 0; i < 3; i++) {
            browser.get("/device/confirm").then().statusCode(200).body(containsString("Authorize a device?"));
        }
        // a code no longer pending is said so on reload; no session: sign in; nothing remembered: back to entry
        InternalServicesStub.CODES.get(code).put("status", "approved");
        browser.get("/device/confirm").then().statusCode(200).body(containsString(DeviceVerificationResource.GONE));
        given().redirects().follow(false).get("/device/confirm").then().statusCode(303)
                .header("Location", containsString("/login"));
        signedIn().get("/device/confirm").then().statusCode(303).header("Location", "/device");
    }

    private static Response decide(Browser browser, String code, String decision) {
        String csrf = Browser.csrfOf(browser.get("/device"));
        Response posted = browser.post("/device/decision", Map.of("user_code", code, "decision", decision, "csrf", csrf));
        // post/redirect/get: an approval or denial answers 303 to the outcome page, which the browser then loads
        if (posted.statusCode() == 303 && "/device/done".equals(posted.getHeader("Location"))) {
            return browser.get("/device/done");
        }
        return posted;
    }

    @Test
    void theDecisionRedirectsToAPageNamingTheAppThatAReloadShowsAgainWithoutRePosting() throws Exception {
        String code = newCode();
        InternalServicesStub.pending(code, "latchkey-cli", "profile");
        Browser browser = signedIn();
        browser.get("/device/done").then().statusCode(303).header("Location", "/device");
        enter(browser, code).then().statusCode(200);
        String csrf = Browser.csrfOf(browser.get("/device"));
        browser.post("/device/decision", Map.of("user_code", code, "decision", "approve", "csrf", csrf)).then()
                .statusCode(303).header("Location", "/device/done");
        for (int reload = 0; reload < 2; reload++) {
            browser.get("/device/done").then().statusCode(200)
                    .body(containsString("Device connected"))
                    .body(containsString("href=\"/account/authorized-apps\""))
                    .body(containsString("class=\"app-mark"));
        }
        assertEquals(1, InternalServicesStub.callsTo(code + "/approve").size(), "a reload never decides again");
        new Browser().get("/device/done").then().statusCode(303);
    }

    private static int lookups(String code) {
        return (int) InternalServicesStub.callsTo(code).stream().filter(c -> c.method().equals("GET")).count();
    }

    @Test
    void deviceRedirectsToSignInWhenSignedOutAndComesBackWithTheCode() {
        new Browser().get("/device?user_code=bcdf-ghjk").then()
                .statusCode(303)
                .header("Location", "/login?return_to=%2Fdevice%3Fuser_code%3DBCDF-GHJK");
    }

    @Test
    void devicePageForbidsFraming() throws Exception {
        signedIn().get("/device").then()
                .statusCode(200)
                .header("X-Frame-Options", "DENY")
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .body(containsString("Enter the code shown on your device"));
    }

    @Test
    void prefilledCodeIsShownBigWithAQuestionAndIsStillSubmittedByPost() throws Exception {
        signedIn().get("/device?user_code=bcdfghjk").then()
                .statusCode(200)
                .body(containsString("class=\"code-big\""))
                .body(containsString("BCDF-GHJK"))
                .body(containsString("Is this the code on your device?"))
                .body(containsString("method=\"post\" action=\"/device\""));
    }

    @Test
    void typedCodeIsNormalisedBeforeTheLookup() throws Exception {
        String code = newCode();
        InternalServicesStub.pending(code, "latchkey-cli", "profile db:read");
        Browser browser = signedIn();
        String typed = " " + code.substring(0, 4).toLowerCase() + " - " + code.substring(4).toLowerCase() + " ";

        enter(browser, typed).then().statusCode(200).body(containsString("Authorize a device?"));

        Call lookup = InternalServicesStub.callsTo(code).get(0);
        assertEquals("/internal/device/user-codes/" + code, lookup.path());
    }

    @Test
    void confirmationPageShowsTheAppTheScopesInPlainWordsAndTheDevice() throws Exception {
        String code = newCode();
        InternalServicesStub.pending(code, "latchkey-cli", "profile db:read db:write custom:thing");

        enter(signedIn(), code).then()
                .statusCode(200)
                .body(containsString("Latchkey CLI"))
                .body(containsString("https://cli.latchkey.dev/logo.png"))
                .body(containsString("See your name and email address"))
                .body(containsString("Read your databases and their data"))
                .body(containsString("Create, change and delete your databases and their data"))
                .body(containsString("custom:thing"))
                .body(containsString("203.0.113.7"))
                // issue 13: a readable device name, the raw User-Agent on hover; the time in UTC for the local-time script
                .body(containsString("<span title=\"latchkey-cli/1.0 (linux)\">latchkey CLI</span>"))
                .body(containsString("<time datetime=\"2026-01-02T03:04:05Z\" title=\"2 Jan 2026, 03:04 UTC\">"))
                // RFC 8628 §5.4: the user is told it is a device and to continue only with the device in hand
                .body(containsString("You are authorizing a device"))
                .body(containsString("value=\"approve\""))
                .body(containsString("value=\"deny\""));
    }

    @Test
    void unknownCodeShowsTheFormAgainWithAClearMessage() throws Exception {
        enter(signedIn(), "ZZZZ-ZZZZ").then()
                .statusCode(200)
                .body(containsString("That code is not valid or has expired. Check the code on your device."))
                .body(containsString("name=\"user_code\""));
    }

    @Test
    void guessingIsLimitedPerSessionAndOverTheLimitTheCodeIsNotLookedUp() throws Exception {
        Browser browser = signedIn();
        for (int i = 0; i < 5; i++) {
            enter(browser, newCode()).then().statusCode(200).body(containsString("not valid or has expired"));
        }
        String code = newCode();
        InternalServicesStub.pending(code, "latchkey-cli", "profile");

        enter(browser, code).then().statusCode(429).body(containsString("Too many attempts"));

        assertEquals(0, lookups(code));
    }

    @Test
    void guessingIsLimitedPerIpAcrossSessions() throws Exception {
        String ip = "192.0.2.201";
        for (int i = 0; i < 30; i++) {
            Browser browser = signedInFrom(ip, i);
            enter(browser, newCode()).then().statusCode(200);
        }
        enter(signedInFrom(ip, 99), newCode()).then().statusCode(429);
    }

    private static Browser signedInFrom(String ip, int n) throws Exception {
        Browser browser = new Browser(ip);
        if (n == 0 || n == 99) {
            TestUsers.create("ip-" + n + "-" + ip + "@latchkey.dev", "pw", false);
        }
        String user = "ip-" + (n == 99 ? 99 : 0) + "-" + ip + "@latchkey.dev";
        browser.signIn(user, "pw").then().statusCode(303);
        return browser;
    }

    @Test
    void aValidCodeDoesNotCountAgainstTheLimit() throws Exception {
        Browser browser = signedIn();
        String code = newCode();
        InternalServicesStub.pending(code, "latchkey-cli", "profile");
        for (int i = 0; i < 7; i++) {
            enter(browser, code).then().statusCode(200).body(containsString("Authorize a device?"));
        }
    }

    @Test
    void approveCreatesTheGrantAndAuditRowAndTellsDeviceServiceWhoApprovedWhat() throws Exception {
        String code = newCode();
        InternalServicesStub.pending(code, "latchkey-cli", "profile db:read");
        Browser browser = signedIn();
        enter(browser, code).then().statusCode(200);

        decide(browser, code, "approve").then()
                .statusCode(200)
                .body(containsString("Device connected. You can return to your device."));

        UUID userId = TestUsers.idOf(browser.username);
        List<Map<String, Object>> grants = TestUsers.query(
                "select id, client_id, scopes, via, revoked_at from consent.grants where user_id = ?", userId);
        assertEquals(1, grants.size());
        assertEquals("latchkey-cli", grants.get(0).get("client_id"));
        assertEquals("profile db:read", grants.get(0).get("scopes"));
        assertEquals("device", grants.get(0).get("via"));
        UUID grantId = (UUID) grants.get(0).get("id");

        List<Call> approves = InternalServicesStub.callsTo(code + "/approve");
        assertEquals(1, approves.size());
        JsonObject body = approves.get(0).body();
        assertEquals(userId.toString(), body.getString("subject"));
        assertEquals(grantId.toString(), body.getString("grant_id"));
        assertEquals("profile db:read", body.getString("scope"));

        List<Map<String, Object>> audit = TestUsers.query(
                "select action, client_id, scopes, grant_id, ip, user_agent from consent.audit_events where user_id = ?"
                        + " and action = 'authorize'", userId);
        assertEquals(1, audit.size());
        assertEquals("authorize", audit.get(0).get("action"));
        assertEquals(grantId, audit.get(0).get("grant_id"));
        assertEquals(browser.ip, audit.get(0).get("ip"));
        assertEquals("TestBrowser/1.0", audit.get(0).get("user_agent"));
        // the user's activity log names the device itself: its own IP and User-Agent, as device-service saw them
        List<Map<String, Object>> device = TestUsers.query(
                "select client_id, grant_id, ip, user_agent from consent.audit_events where user_id = ?"
                        + " and action = 'device.approve'", userId);
        assertEquals(1, device.size());
        assertEquals(grantId, device.get(0).get("grant_id"));
        assertEquals("203.0.113.7", device.get(0).get("ip"));
        assertEquals("latchkey-cli/1.0 (linux)", device.get(0).get("user_agent"));
    }

    @Test
    void approvingAgainMergesScopesIntoTheActiveGrant() throws Exception {
        Browser browser = signedIn();
        String first = newCode();
        InternalServicesStub.pending(first, "latchkey-cli", "profile db:read");
        enter(browser, first);
        decide(browser, first, "approve").then().statusCode(200);
        String second = newCode();
        InternalServicesStub.pending(second, "latchkey-cli", "db:read db:write");
        enter(browser, second);
        decide(browser, second, "approve").then().statusCode(200);

        List<Map<String, Object>> grants = TestUsers.query(
                "select id, scopes from consent.grants where user_id = ? and revoked_at is null",
                TestUsers.idOf(browser.username));
        assertEquals(1, grants.size());
        assertEquals("profile db:read db:write", grants.get(0).get("scopes"));
        JsonObject body = InternalServicesStub.callsTo(second + "/approve").get(0).body();
        assertEquals("db:read db:write", body.getString("scope"), "the device gets what it asked for");
        assertEquals(grants.get(0).get("id").toString(), body.getString("grant_id"));
    }

    @Test
    void aDeviceIsAskedAboutEveryTimeEvenWhenTheUserApprovedTheClientBefore() throws Exception {
        Browser browser = signedIn();
        TestUsers.grant(TestUsers.idOf(browser.username), "latchkey-cli", "profile db:read", "device", 1);
        String code = newCode();
        InternalServicesStub.pending(code, "latchkey-cli", "db:read");

        // RFC 8628 §5.4: remembered consent never approves a device code; the user confirms each one
        enter(browser, code).then().statusCode(200)
                .body(containsString("Authorize a device?"))
                .body(containsString("name=\"decision\" value=\"deny\""));
        assertEquals(0, InternalServicesStub.callsTo(code + "/approve").size());
        assertEquals("pending", InternalServicesStub.CODES.get(code).getString("status"));
    }

    @Test
    void denyTellsDeviceServiceAndAuditsWithoutAGrant() throws Exception {
        String code = newCode();
        InternalServicesStub.pending(code, "latchkey-cli", "profile");
        Browser browser = signedIn();
        enter(browser, code);

        decide(browser, code, "deny").then().statusCode(200).body(containsString("Request denied"));

        assertEquals(1, InternalServicesStub.callsTo(code + "/deny").size());
        assertEquals(0, InternalServicesStub.callsTo(code + "/approve").size());
        UUID userId = TestUsers.idOf(browser.username);
        assertEquals(0, TestUsers.query("select id from consent.grants where user_id = ?", userId).size());
        List<Map<String, Object>> audit = TestUsers.query(
                "select action, grant_id from consent.audit_events where user_id = ? and action <> 'sign_in'"
                        + " order by action", userId);
        assertEquals(2, audit.size());
        assertEquals("deny", audit.get(0).get("action"));
        assertEquals("device.deny", audit.get(1).get("action"), "the activity log's device denial");
        assertNull(audit.get(1).get("grant_id"));
    }

    @Test
    void decisionForACodeThisSessionDidNotLookUpIsRefused() throws Exception {
        String code = newCode();
        InternalServicesStub.pending(code, "latchkey-cli", "profile");
        Browser owner = signedIn();
        enter(owner, code).then().statusCode(200);
        Browser other = signedIn();

        decide(other, code, "approve").then().statusCode(403).body(containsString("not started in this browser"));

        assertEquals(0, InternalServicesStub.callsTo(code + "/approve").size());
        assertEquals(0, TestUsers.query("select id from consent.grants where user_id = ?",
                TestUsers.idOf(other.username)).size());
    }

    @Test
    void aLookedUpCodeIsGoodForOneDecisionOnly() throws Exception {
        String code = newCode();
        InternalServicesStub.pending(code, "latchkey-cli", "profile");
        Browser browser = signedIn();
        enter(browser, code);
        decide(browser, code, "approve").then().statusCode(200);

        decide(browser, code, "approve").then().statusCode(403);
        assertEquals(1, InternalServicesStub.callsTo(code + "/approve").size());
    }

    @Test
    void codeAlreadyDecidedElsewhereShowsExpiredOrUsed() throws Exception {
        String code = newCode();
        InternalServicesStub.pending(code, "latchkey-cli", "profile");
        Browser browser = signedIn();
        enter(browser, code).then().statusCode(200);
        InternalServicesStub.CODES.get(code).put("status", "approved");

        decide(browser, code, "approve").then()
                .statusCode(410)
                .body(containsString("That code has expired or was already used."));
    }

    @Test
    void lookupWithoutTheSessionCsrfTokenIsForbidden() throws Exception {
        String code = newCode();
        InternalServicesStub.pending(code, "latchkey-cli", "profile");
        Browser browser = signedIn();
        browser.post("/device", Map.of("user_code", code)).then().statusCode(403);
        browser.post("/device", Map.of("user_code", code, "csrf", "forged")).then().statusCode(403);
        assertEquals(0, lookups(code));
    }

    @Test
    void decisionWithoutTheSessionCsrfTokenIsForbidden() throws Exception {
        String code = newCode();
        InternalServicesStub.pending(code, "latchkey-cli", "profile");
        Browser browser = signedIn();
        enter(browser, code);
        browser.post("/device/decision", Map.of("user_code", code, "decision", "approve"))
                .then().statusCode(403);
        assertEquals(0, InternalServicesStub.callsTo(code + "/approve").size());
    }

    @Test
    void unknownClientIsShownByItsIdOnly() throws Exception {
        String code = newCode();
        InternalServicesStub.pending(code, "some-unregistered-client", "profile");
        enter(signedIn(), code).then()
                .statusCode(200)
                .body(containsString("some-unregistered-client"))
                .body(not(containsString("<img")));
    }

    @Test
    void internalCallsCarryTheSharedSecret() throws Exception {
        // the stand-in answers 401 without X-Latchkey-Internal, so a confirmation page proves the header was sent
        String code = newCode();
        InternalServicesStub.pending(code, "latchkey-cli", "profile");
        enter(signedIn(), code).then().statusCode(200).body(containsString("Latchkey CLI"));
    }

    @Test
    void doubleSubmittedDecisionReachesDeviceServiceOnce() throws Exception {
        String code = newCode();
        InternalServicesStub.pending(code, "latchkey-cli", "profile");
        Browser browser = signedIn();
        enter(browser, code);
        String csrf = Browser.csrfOf(browser.get("/device"));
        Map<String, String> form = Map.of("user_code", code, "decision", "approve", "csrf", csrf);
        java.util.concurrent.CompletableFuture<Integer> a = java.util.concurrent.CompletableFuture
                .supplyAsync(() -> browser.post("/device/decision", form).statusCode());
        java.util.concurrent.CompletableFuture<Integer> b = java.util.concurrent.CompletableFuture
                .supplyAsync(() -> browser.post("/device/decision", form).statusCode());
        List<Integer> statuses = List.of(a.get(), b.get());

        // one decides (303 to its outcome page), the other is refused
        assertTrue(statuses.contains(303) && statuses.contains(403), statuses.toString());
        assertEquals(1, InternalServicesStub.callsTo(code + "/approve").size());
    }
}
