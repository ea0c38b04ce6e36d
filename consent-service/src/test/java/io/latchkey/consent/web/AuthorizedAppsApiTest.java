package io.latchkey.consent.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

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
        given().get(API).then().statusCode(401).body("error", equalTo("login_required"));
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

        as(browser).delete(API + "/" + grant).then().statusCode(403).body("error", equalTo("access_denied"));
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
    void theApiIsInTheOpenApiDocument() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/account/api/authorized-apps'.get", notNullValue())
                .body("paths.'/account/api/authorized-apps/{grantId}'.delete", notNullValue())
                .body("paths.'/api/v1/me'.get", notNullValue());
    }
}
