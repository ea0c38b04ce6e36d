package io.latchkey.consent.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.latchkey.consent.Browser;
import io.latchkey.consent.InternalServicesStub;
import io.latchkey.consent.TestUsers;
import io.latchkey.testsupport.FreshDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
@QuarkusTestResource(FreshDatabase.class)
@QuarkusTestResource(InternalServicesStub.class)
class AuthorizedAppsApiTest {

    private static final String API = "/account/api/authorized-apps";

    private static RequestSpecification as(Browser browser) {
        return given().cookies(browser.cookies).header("X-Latchkey-Client-IP", browser.ip)
                .header("X-Latchkey-Identity", Browser.GATEWAY_PROOF).header("User-Agent", "TestScript/2.0");
    }

    @Test
    void withoutASessionTheApiAnswers401LoginRequired() {
        given().get(API).then().statusCode(401).body("error", equalTo("login_required"))
                .body("error_description", equalTo("Sign in first.")).header("Pragma", "no-cache");
        given().header("X-CSRF-Token", "x").delete(API + "/" + UUID.randomUUID()).then().statusCode(401);
    }

    @Test
    void theListCarriesEachAppInSnakeCaseAndTheCsrfTokenForRevokes() throws Exception {
        Browser browser = AuthorizedAppsResourceTest.signedIn();
        UUID grant = TestUsers.grant(AuthorizedAppsResourceTest.userOf(browser), "latchkey-cli", "profile db:read", "device", 2);
        InternalServicesStub.LAST_USED.put(grant.toString(), "2030-01-02T03:04:05Z");

        as(browser).get(API).then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body("csrf_token", notNullValue())
                .body("apps", hasSize(1))
                .body("apps[0].grant_id", equalTo(grant.toString()))
                .body("apps[0].client_id", equalTo("latchkey-cli"))
                .body("apps[0].client_name", equalTo("Latchkey CLI"))
                .body("apps[0].logo_uri", equalTo("https://cli.latchkey.dev/logo.png"))
                .body("apps[0].homepage_uri", equalTo("https://cli.latchkey.dev"))
                .body("apps[0].scope", equalTo("profile db:read"))
                .body("apps[0].scopes[0].scope", equalTo("profile"))
                .body("apps[0].scopes[0].description", equalTo("See your name and email address"))
                .body("apps[0].via", equalTo("device"))
                .body("apps[0].authorized_at", notNullValue())
                .body("apps[0].last_used_at", containsString("2030-01-02T03:04:05"));
    }

    @Test
    void deleteWithTheCsrfHeaderRevokesAndAudits() throws Exception {
        Browser browser = AuthorizedAppsResourceTest.signedIn();
        UUID grant = TestUsers.grant(AuthorizedAppsResourceTest.userOf(browser), "latchkey-cli", "db:read", "device", 0);
        String csrf = as(browser).get(API).then().extract().path("csrf_token");

        as(browser).header("X-CSRF-Token", csrf).delete(API + "/" + grant).then().statusCode(204);

        assertNotNull(AuthorizedAppsResourceTest.grantRow(grant).get("revoked_at"));
        assertEquals("TestScript/2.0", AuthorizedAppsResourceTest.auditRows(grant).get(0).get("user_agent"));
        assertEquals(1, InternalServicesStub.callsTo("/internal/grants/" + grant + "/revoke").size());
        as(browser).get(API).then().body("apps", hasSize(0));
        as(browser).header("X-CSRF-Token", csrf).delete(API + "/" + grant).then().statusCode(404)
                .body("error", equalTo("not_found"));
    }

    @Test
    void deleteWithoutOrWithAWrongCsrfHeaderIsForbiddenAndChangesNothing() throws Exception {
        Browser browser = AuthorizedAppsResourceTest.signedIn();
        UUID grant = TestUsers.grant(AuthorizedAppsResourceTest.userOf(browser), "latchkey-cli", "db:read", "device", 0);

        // one error model: the common mapper's body and headers, 403 access_denied (oauth-common ACCESS_FORBIDDEN)
        as(browser).delete(API + "/" + grant).then().statusCode(403).body("error", equalTo("access_denied"))
                .body("error_description", equalTo("Missing or wrong X-CSRF-Token."))
                .header("Cache-Control", "no-store").header("Pragma", "no-cache");
        as(browser).header("X-CSRF-Token", "forged").delete(API + "/" + grant).then().statusCode(403);

        assertNull(AuthorizedAppsResourceTest.grantRow(grant).get("revoked_at"));
    }

    @Test
    void deleteWhileTokenServiceIsDownAnswers503AndKeepsTheGrant() throws Exception {
        Browser browser = AuthorizedAppsResourceTest.signedIn();
        UUID grant = TestUsers.grant(AuthorizedAppsResourceTest.userOf(browser), "latchkey-cli", "db:read", "device", 0);
        String csrf = as(browser).get(API).then().extract().path("csrf_token");
        InternalServicesStub.grantsDown = true;
        try {
            as(browser).header("X-CSRF-Token", csrf).delete(API + "/" + grant).then().statusCode(503)
                    .body("error", equalTo("temporarily_unavailable"));
        } finally {
            InternalServicesStub.grantsDown = false;
        }
        assertNull(AuthorizedAppsResourceTest.grantRow(grant).get("revoked_at"));
    }

    @Test
    void theListCarriesEachAppsLiveSessionsWithAReadableDevice() throws Exception {
        Browser browser = AuthorizedAppsResourceTest.signedIn();
        UUID grant = TestUsers.grant(AuthorizedAppsResourceTest.userOf(browser), "latchkey-cli", "db:read", "device", 2);
        String older = InternalServicesStub.session(grant, AuthorizedAppSessionsTest.CLI, "198.51.100.7", null);
        String newer = InternalServicesStub.session(grant, "curl/7.88.1", "2001:db8::1", "build-box");

        as(browser).get(API).then().statusCode(200)
                .body("apps[0].sessions", hasSize(2))
                .body("apps[0].sessions[0].session_id", equalTo(newer))
                .body("apps[0].sessions[0].device", equalTo("build-box"))
                .body("apps[0].sessions[0].ip", equalTo("2001:db8::1"))
                .body("apps[0].sessions[0].user_agent", equalTo("curl/7.88.1"))
                .body("apps[0].sessions[1].session_id", equalTo(older))
                .body("apps[0].sessions[1].device", equalTo("latchkey CLI on laptop-7 (Linux)"))
                .body("apps[0].sessions[1].created_at", containsString("2030-01-02T03:04:05"))
                .body("apps[0].sessions[1].last_used_at", containsString("2030-01-03T04:05:06"));
    }

    @Test
    void withoutTokenServiceTheSessionsAreNullNotEmpty() throws Exception {
        Browser browser = AuthorizedAppsResourceTest.signedIn();
        TestUsers.grant(AuthorizedAppsResourceTest.userOf(browser), "latchkey-cli", "db:read", "device", 2);
        InternalServicesStub.grantsDown = true;
        try {
            as(browser).get(API).then().statusCode(200)
                    .body("apps", hasSize(1))
                    .body("apps[0].sessions", nullValue());
        } finally {
            InternalServicesStub.grantsDown = false;
        }
    }

    @Test
    void deleteASessionRevokesOnlyItThenIsNotFound() throws Exception {
        Browser browser = AuthorizedAppsResourceTest.signedIn();
        UUID user = AuthorizedAppsResourceTest.userOf(browser);
        UUID grant = TestUsers.grant(user, "latchkey-cli", "db:read", "device", 0);
        String lost = InternalServicesStub.session(grant, AuthorizedAppSessionsTest.CLI, "198.51.100.7", null);
        String kept = InternalServicesStub.session(grant, AuthorizedAppSessionsTest.MAC_CHROME, "198.51.100.8", null);
        String csrf = as(browser).get(API).then().extract().path("csrf_token");

        as(browser).header("X-CSRF-Token", csrf).delete(API + "/" + grant + "/sessions/" + lost).then().statusCode(204)
                .header("Cache-Control", "no-store");

        as(browser).get(API).then().body("apps[0].sessions", hasSize(1)).body("apps[0].sessions[0].session_id", equalTo(kept));
        assertNull(AuthorizedAppsResourceTest.grantRow(grant).get("revoked_at"));
        assertEquals(1, AuthorizedAppSessionsTest.audit(user, "session.revoke").size());
        assertEquals("TestScript/2.0", AuthorizedAppSessionsTest.audit(user, "session.revoke").get(0).get("user_agent"));
        as(browser).header("X-CSRF-Token", csrf).delete(API + "/" + grant + "/sessions/" + lost).then().statusCode(404)
                .body("error", equalTo("not_found"));
        assertEquals(1, AuthorizedAppSessionsTest.audit(user, "session.revoke").size());
    }

    @Test
    void deleteASessionIsRefusedWithoutSessionOrCsrfForBadIdsAndForAnotherUsersApp() throws Exception {
        Browser browser = AuthorizedAppsResourceTest.signedIn();
        Browser other = AuthorizedAppsResourceTest.signedIn();
        UUID grant = TestUsers.grant(AuthorizedAppsResourceTest.userOf(browser), "latchkey-cli", "db:read", "device", 0);
        UUID theirs = TestUsers.grant(AuthorizedAppsResourceTest.userOf(other), "latchkey-cli", "db:read", "device", 0);
        String session = InternalServicesStub.session(grant, AuthorizedAppSessionsTest.CLI, "198.51.100.7", null);
        String theirSession = InternalServicesStub.session(theirs, AuthorizedAppSessionsTest.CLI, "198.51.100.9", null);
        String csrf = as(browser).get(API).then().extract().path("csrf_token");
        String path = API + "/" + grant + "/sessions/" + session;

        given().header("X-CSRF-Token", csrf).delete(path).then().statusCode(401).body("error", equalTo("login_required"));
        as(browser).delete(path).then().statusCode(403).body("error", equalTo("access_denied"));
        as(browser).header("X-CSRF-Token", "forged").delete(path).then().statusCode(403);
        as(browser).header("X-CSRF-Token", csrf).delete(API + "/" + grant + "/sessions/not-a-uuid").then().statusCode(404)
                .body("error", equalTo("not_found"));
        as(browser).header("X-CSRF-Token", csrf).delete(API + "/" + "x".repeat(300) + "/sessions/" + session).then().statusCode(404);
        as(browser).header("X-CSRF-Token", csrf).delete(API + "/" + theirs + "/sessions/" + theirSession).then()
                .statusCode(404).body("error", equalTo("not_found"));
        as(browser).header("X-CSRF-Token", csrf).delete(API + "/" + grant + "/sessions/" + theirSession).then()
                .statusCode(404);

        assertTrue(InternalServicesStub.callsTo("/sessions/" + session + "/revoke").isEmpty());
        assertTrue(InternalServicesStub.callsTo("/sessions/" + theirSession + "/revoke").isEmpty());
    }

    @Test
    void deleteASessionWhileTokenServiceIsDownIs503AndTheSessionStaysLive() throws Exception {
        Browser browser = AuthorizedAppsResourceTest.signedIn();
        UUID user = AuthorizedAppsResourceTest.userOf(browser);
        UUID grant = TestUsers.grant(user, "latchkey-cli", "db:read", "device", 0);
        String session = InternalServicesStub.session(grant, AuthorizedAppSessionsTest.CLI, "198.51.100.7", null);
        String csrf = as(browser).get(API).then().extract().path("csrf_token");
        InternalServicesStub.grantsDown = true;
        try {
            as(browser).header("X-CSRF-Token", csrf).delete(API + "/" + grant + "/sessions/" + session).then()
                    .statusCode(503).body("error", equalTo("temporarily_unavailable"));
        } finally {
            InternalServicesStub.grantsDown = false;
        }
        assertTrue(AuthorizedAppSessionsTest.audit(user, "session.revoke").isEmpty());
        as(browser).get(API).then().body("apps[0].sessions[0].session_id", equalTo(session));
    }

    @Test
    void revokeAllRevokesEveryAppAndAnswersHowMany() throws Exception {
        Browser browser = AuthorizedAppsResourceTest.signedIn();
        UUID user = AuthorizedAppsResourceTest.userOf(browser);
        UUID one = TestUsers.grant(user, "latchkey-cli", "db:read", "device", 0);
        UUID two = TestUsers.grant(user, "partner-web", "profile", "web", 0);
        String csrf = as(browser).get(API).then().extract().path("csrf_token");

        given().header("X-CSRF-Token", csrf).post(API + "/revoke-all").then().statusCode(401);
        as(browser).post(API + "/revoke-all").then().statusCode(403);
        assertNull(AuthorizedAppsResourceTest.grantRow(one).get("revoked_at"));

        as(browser).header("X-CSRF-Token", csrf).post(API + "/revoke-all").then().statusCode(200)
                .body("revoked", equalTo(2));

        assertNotNull(AuthorizedAppsResourceTest.grantRow(one).get("revoked_at"));
        assertNotNull(AuthorizedAppsResourceTest.grantRow(two).get("revoked_at"));
        as(browser).get(API).then().body("apps", hasSize(0));
        as(browser).header("X-CSRF-Token", csrf).post(API + "/revoke-all").then().statusCode(200).body("revoked", equalTo(0));
        assertEquals(1, AuthorizedAppSessionsTest.audit(user, "revoke_all").size());
    }

    @Test
    void theApiIsInTheOpenApiDocument() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/account/api/authorized-apps'.get", notNullValue())
                .body("paths.'/account/api/authorized-apps/{grantId}'.delete", notNullValue())
                .body("paths.'/account/api/authorized-apps/{grantId}/sessions/{sessionId}'.delete", notNullValue())
                .body("paths.'/account/api/authorized-apps/revoke-all'.post", notNullValue())
                .body("paths.'/api/v1/me'.get", notNullValue());
    }
}
