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

import org.junit.jupiter.api.Test;

import io.latchkey.consent.Browser;
import io.latchkey.consent.InternalServicesStub;
import io.latchkey.consent.TestUsers;
import io.latchkey.testsupport.FreshDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** /account/activity (and its JSON twin) and /account/sessions: what they show, and what they refuse. */
@QuarkusTest
@QuarkusTestResource(FreshDatabase.class)
@QuarkusTestResource(InternalServicesStub.class)
class AccountPagesTest {

    private static Browser newUser(String prefix) throws Exception {
        return Browser.signedInAsNewUser(prefix);
    }

    @Test
    void signInsAndFailedSignInsAreInTheUsersOwnLogNewestFirstNeverThePassword() throws Exception {
        Browser me = newUser("activity");
        Browser attacker = new Browser("203.0.113.77");
        assertEquals(401, attacker.signIn(me.username, "wrong-password-123").statusCode());

        Response page = me.get("/account/activity");
        page.then().statusCode(200)
                .body(containsString("Failed sign-in (wrong password)"))
                .body(containsString("Signed in"))
                .body(containsString("IP 203.0.113.77"))
                .body(containsString("IP " + me.ip))
                .body(containsString("<time datetime=\""))
                .body(not(containsString("wrong-password-123")));
        String html = page.asString();
        assertTrue(html.indexOf("Failed sign-in") < html.indexOf("Signed in"), "newest first");

        JsonPath json = me.get("/account/api/activity").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("sign_in.failed", "sign_in"), json.getList("events.kind"));
        assertEquals("203.0.113.77", json.getString("events[0].ip"));
        assertNull(json.get("next_cursor"));
        UUID userId = TestUsers.idOf(me.username);
        List<Map<String, Object>> rows = TestUsers.query(
                "select action from consent.audit_events where user_id = ? order by at", userId);
        assertEquals(List.of("sign_in", "sign_in.failed"), rows.stream().map(r -> r.get("action")).toList());
        assertEquals(0, TestUsers.query("select 1 from consent.audit_events where detail like ? or scopes like ?",
                "%wrong-password%", "%wrong-password%").size(), "never the password");
    }

    @Test
    void aFailedSignInForAnUnknownAddressConcernsNobody() throws Exception {
        String nobody = "nobody-" + UUID.randomUUID() + "@latchkey.dev";
        assertEquals(401, new Browser().signIn(nobody, "whatever-123").statusCode());
        assertEquals(0, TestUsers.query("select 1 from consent.audit_events where action = 'sign_in.failed' "
                + "and user_id is null").size());
    }

    @Test
    void anotherUsersEventsNeverShow() throws Exception {
        Browser me = newUser("mine");
        Browser other = newUser("theirs");
        assertEquals(401, new Browser("203.0.113.99").signIn(other.username, "bad-pass-999").statusCode());
        me.get("/account/activity").then().statusCode(200).body(not(containsString("203.0.113.99")));
        JsonPath json = me.get("/account/api/activity").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("sign_in"), json.getList("events.kind"));
    }

    @Test
    void theLogIsKeysetPaginated() throws Exception {
        Browser me = newUser("pages");
        for (int i = 0; i < 3; i++) {
            assertEquals(401, new Browser().signIn(me.username, "bad-" + i + "-password").statusCode());
        }
        JsonPath first = me.getQuery("/account/api/activity", "limit", "2").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(2, first.getList("events").size());
        String cursor = first.getString("next_cursor");
        assertNotNull(cursor);
        JsonPath second = me.getQuery("/account/api/activity", "limit", "2", "cursor", cursor).then()
                .statusCode(200).extract().jsonPath();
        assertEquals(List.of("sign_in.failed", "sign_in"), second.getList("events.kind"));
        assertNull(second.get("next_cursor"));
        assertTrue(java.util.Collections.disjoint(first.getList("events.id"), second.getList("events.id")));

        Response page = me.getQuery("/account/activity", "limit", "2");
        page.then().statusCode(200).body(containsString("rel=\"next\""));
    }

    @Test
    void hostileQueriesGetA400NotA500() throws Exception {
        Browser me = newUser("hostile");
        for (String[] q : new String[][] {{"cursor", "not-a-cursor"}, {"cursor", "%%%"}, {"limit", "0"},
                {"limit", "101"}, {"limit", "x"}, {"cursor", "MTIz"}}) {
            me.getQuery("/account/activity", q).then().statusCode(400).body(containsString("<html"));
            me.getQuery("/account/api/activity", q).then().statusCode(400).body("error", org.hamcrest.Matchers
                    .equalTo("invalid_request"));
        }
        me.getQuery("/account/activity", "limit", "2", "limit", "3").then().statusCode(400);
        me.getQuery("/account/api/activity", "cursor", "a", "cursor", "b").then().statusCode(400);
        me.getEncoded("/account/activity?cursor=" + "A".repeat(1000)).then().statusCode(400);
    }

    @Test
    void withoutASessionThePagesSendToSignInAndTheApiSays401() {
        Browser nobody = new Browser();
        nobody.get("/account/activity").then().statusCode(303)
                .header("Location", "/login?return_to=%2Faccount%2Factivity");
        nobody.get("/account/sessions").then().statusCode(303)
                .header("Location", "/login?return_to=%2Faccount%2Fsessions");
        nobody.get("/account/api/activity").then().statusCode(401).body("error", org.hamcrest.Matchers
                .equalTo("login_required"));
        nobody.cookies.put("lk_session", "forged-" + "x".repeat(40));
        nobody.get("/account/activity").then().statusCode(303);
        nobody.post("/account/sessions/sign-out-others", Map.of("csrf", "x")).then().statusCode(303)
                .header("Location", "/login?return_to=%2Faccount%2Fsessions");
    }

    @Test
    void sessionsListsEveryBrowserAndSignOutEverywhereElseEndsTheOthersAtOnce() throws Exception {
        Browser laptop = newUser("sessions");
        String password = "pw-" + laptop.username;
        Browser phone = new Browser("192.0.2.44");
        assertEquals(303, phone.signIn(laptop.username, password).statusCode());

        Response page = laptop.get("/account/sessions");
        page.then().statusCode(200)
                .body(containsString("This browser"))
                .body(containsString("IP 192.0.2.44"))
                .body(containsString("IP " + laptop.ip))
                .body(containsString("Sign out everywhere else"))
                .body(containsString("class=\"button-danger\""));
        assertEquals(2, page.asString().split("class=\"browser-session\"").length - 1);

        // no CSRF token, a wrong one, or one from the other session: refused, nothing ended
        laptop.post("/account/sessions/sign-out-others", Map.of()).then().statusCode(403);
        laptop.post("/account/sessions/sign-out-others", Map.of("csrf", "wrong")).then().statusCode(403);
        String phoneCsrf = Browser.csrfOf(phone.get("/account/sessions"));
        laptop.post("/account/sessions/sign-out-others", Map.of("csrf", phoneCsrf)).then().statusCode(403);
        phone.get("/").then().statusCode(200).body(containsString("Hello,"));

        String csrf = Browser.csrfOf(laptop.get("/account/sessions"));
        // post/redirect/get: a reload of the answer never re-posts
        laptop.post("/account/sessions/sign-out-others", Map.of("csrf", csrf)).then().statusCode(303)
                .header("Location", "/account/sessions?done=signed-out");
        phone.get("/").then().statusCode(200).body(not(containsString("Hello,")));
        phone.get("/account/sessions").then().statusCode(303);
        laptop.get("/account/sessions?done=signed-out").then().statusCode(200)
                .body(containsString("Every other browser is signed out."))
                .body(containsString("This is the only browser signed in."));
        laptop.get("/").then().statusCode(200).body(containsString("Hello,"));

        laptop.get("/account/activity").then().statusCode(200)
                .body(containsString("Signed out every other browser"));
    }

    @Test
    void repeatedOrWrongTypedFormsAreRefused() throws Exception {
        Browser me = newUser("forms");
        String csrf = Browser.csrfOf(me.get("/"));
        io.restassured.RestAssured.given().redirects().follow(false)
                .cookie("lk_session", me.cookies.get("lk_session"))
                .header("X-Latchkey-Identity", Browser.GATEWAY_PROOF)
                .contentType("application/x-www-form-urlencoded")
                .body("csrf=" + csrf + "&csrf=" + csrf)
                .post("/account/sessions/sign-out-others").then().statusCode(400);
        io.restassured.RestAssured.given().redirects().follow(false)
                .cookie("lk_session", me.cookies.get("lk_session"))
                .contentType("application/json").body("{\"csrf\":\"" + csrf + "\"}")
                .post("/account/sessions/sign-out-others").then().statusCode(org.hamcrest.Matchers
                        .anyOf(org.hamcrest.Matchers.is(400), org.hamcrest.Matchers.is(415)));
    }
}
