package io.latchkey.consent.admin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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
class AdminUsersResourceTest {

    private static String newUser(String email) {
        return "{\"email\":\"" + email + "\",\"display_name\":\"New Person\",\"password\":\"correct-horse-battery\"}";
    }

    private static String email() {
        return "new-" + UUID.randomUUID() + "@example.test";
    }

    @Test
    void anOperatorCreatesAUserWhoCanSignInAndTheActionIsAudited() throws Exception {
        String email = email();
        String id = AdminRequests.operator().contentType("application/json").body(newUser(email.toUpperCase()))
                .post("/admin/users")
                .then().statusCode(201).header("Location", containsString("/admin/users/"))
                .body("id", notNullValue()).body("email", equalTo(email)).body("display_name", equalTo("New Person"))
                .body("operator", equalTo(false)).body("disabled", equalTo(false))
                .body("password", nullValue())
                .extract().path("id");
        new Browser().signIn(email, "correct-horse-battery").then().statusCode(303);
        List<Map<String, Object>> audit = TestUsers.query(
                "select actor, ip from consent.audit_events where action = 'user.create' and user_id = ?", UUID.fromString(id));
        assertEquals(1, audit.size());
        assertEquals(AdminRequests.OPERATOR_CLIENT, audit.get(0).get("actor"));
        assertEquals(AdminRequests.OPERATOR_IP, audit.get(0).get("ip"));
        String hash = (String) TestUsers.query("select password_hash from consent.users where id = ?", UUID.fromString(id))
                .get(0).get("password_hash");
        assertTrue(hash.startsWith("$argon2id$"), "stored as an Argon2id hash, never in the clear");
    }

    @Test
    void aTakenEmailIs409() {
        String email = email();
        AdminRequests.operator().contentType("application/json").body(newUser(email)).post("/admin/users")
                .then().statusCode(201);
        AdminRequests.operator().contentType("application/json").body(newUser(email)).post("/admin/users")
                .then().statusCode(409).body("error", equalTo("conflict"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "null",
            "[]",
            "{\"display_name\":\"X\",\"password\":\"correct-horse-battery\"}",
            "{\"email\":\"not-an-email\",\"display_name\":\"X\",\"password\":\"correct-horse-battery\"}",
            "{\"email\":\"a@b.example\",\"display_name\":\"\",\"password\":\"correct-horse-battery\"}",
            "{\"email\":\"a@b.example\",\"display_name\":\"X\",\"password\":\"short\"}",
            "{\"email\":\"a@b.example\",\"display_name\":\"X\"}",
            "{\"email\":\"a@b.example\",\"display_name\":\"X\",\"password\":\"correct-horse-battery\",\"operator\":true}",
            "{\"email\":\"a@b.example\",\"email\":\"c@d.example\",\"display_name\":\"X\",\"password\":\"correct-horse-battery\"}",
            "{\"email\":7,\"display_name\":\"X\",\"password\":\"correct-horse-battery\"}",
            "{\"email\":\"a@b.example\",\"display_name\":\"X\\u0000\",\"password\":\"correct-horse-battery\"}",
            "{\"email\":\"a@b.example\",\"display_name\":\"X\",\"password\":\"correct-horse-battery\"",
    })
    void invalidBodiesAreInvalidRequest(String body) {
        AdminRequests.operator().contentType("application/json").body(body).post("/admin/users")
                .then().statusCode(400).body("error", equalTo("invalid_request"))
                .header("Cache-Control", "no-store");
    }

    @Test
    void oversizedFieldsAndAWrongContentTypeAreInvalidRequest() {
        String longName = "n".repeat(201);
        AdminRequests.operator().contentType("application/json")
                .body("{\"email\":\"a@b.example\",\"display_name\":\"" + longName + "\",\"password\":\"correct-horse-battery\"}")
                .post("/admin/users").then().statusCode(400).body("error", equalTo("invalid_request"));
        AdminRequests.operator().contentType("application/x-www-form-urlencoded").body("email=a@b.example")
                .post("/admin/users").then().statusCode(400).body("error", equalTo("invalid_request"));
    }

    @Test
    void withoutTheGatewaysIdentityNothingIsBelieved() {
        given().contentType("application/json").body(newUser(email())).post("/admin/users")
                .then().statusCode(401).body("error", equalTo("invalid_token")).header("WWW-Authenticate", containsString("Bearer"));
        // the claims without the gateway's proof
        given().header("X-Latchkey-Subject", "latchkey-operator").header("X-Latchkey-Client-Id", "latchkey-operator")
                .header("X-Latchkey-Scope", "admin").get("/admin/users")
                .then().statusCode(401).body("error", equalTo("invalid_token"));
        // the internal secret is not an identity proof
        given().header("X-Latchkey-Internal", InternalServicesStub.SECRET).header("X-Latchkey-Subject", "x")
                .header("X-Latchkey-Client-Id", "x").header("X-Latchkey-Scope", "admin").get("/admin/users")
                .then().statusCode(401);
        // an identity header sent twice
        AdminRequests.operator().header("X-Latchkey-Scope", "admin").get("/admin/users").then().statusCode(401);
    }

    @Test
    void aTokenWithoutScopeAdminIsInsufficientScope() {
        for (String path : List.of("/admin/users", "/admin/users/" + UUID.randomUUID())) {
            AdminRequests.as("some-user", "profile db:read").get(path)
                    .then().statusCode(403).body("error", equalTo("insufficient_scope"))
                    .header("WWW-Authenticate", containsString("insufficient_scope"));
        }
        AdminRequests.as("some-user", "profile").contentType("application/json").body(newUser(email()))
                .post("/admin/users").then().statusCode(403).body("error", equalTo("insufficient_scope"));
        AdminRequests.as("some-user", "profile").post("/admin/users/" + UUID.randomUUID() + "/disable")
                .then().statusCode(403).body("error", equalTo("insufficient_scope"));
    }

    @Test
    void usersAreFoundByEmailAndListedPageByPage() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 3; i++) {
            TestUsers.create("page-" + tag + "-" + i + "@example.test", "pw-1234567890", false);
        }
        AdminRequests.operator().queryParam("email", "PAGE-" + tag + "-1@example.test").get("/admin/users")
                .then().statusCode(200).body("users", hasSize(1))
                .body("users[0].email", equalTo("page-" + tag + "-1@example.test"));
        Response first = AdminRequests.operator().queryParam("q", tag).queryParam("limit", "2").get("/admin/users");
        first.then().statusCode(200).body("users", hasSize(2)).body("next_cursor", notNullValue());
        AdminRequests.operator().queryParam("q", tag).queryParam("limit", "2")
                .queryParam("cursor", (String) first.path("next_cursor")).get("/admin/users")
                .then().statusCode(200).body("users", hasSize(1)).body("users[0].email", equalTo("page-" + tag + "-2@example.test"))
                .body("next_cursor", nullValue());
        AdminRequests.operator().queryParam("q", "%").queryParam("limit", "100").get("/admin/users")
                .then().statusCode(200).body("users", hasSize(0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"limit=0", "limit=101", "limit=abc", "cursor=!!!", "cursor=bm9wZQ", "email=a&email=b",
            "q=a&q=b", "q=%00"})
    void malformedListQueriesAreInvalidRequest(String query) {
        AdminRequests.operator().urlEncodingEnabled(false).get("/admin/users?" + query)
                .then().statusCode(400).body("error", equalTo("invalid_request"));
    }

    @Test
    void unknownUsersAre404() {
        AdminRequests.operator().get("/admin/users/" + UUID.randomUUID()).then().statusCode(404).body("error", equalTo("not_found"));
        AdminRequests.operator().get("/admin/users/not-a-uuid").then().statusCode(404);
        AdminRequests.operator().post("/admin/users/" + UUID.randomUUID() + "/disable").then().statusCode(404);
        AdminRequests.operator().post("/admin/users/" + UUID.randomUUID() + "/enable").then().statusCode(404);
    }

    @Test
    void disablingAUserEndsTheirSessionsRevokesTheirGrantsAndRefusesSignIn() throws Exception {
        String email = email();
        UUID id = TestUsers.create(email, "pw-1234567890", false);
        UUID grant = TestUsers.grant(id, "partner-web", "profile db:read", "web", 1);
        Browser live = new Browser();
        live.signIn(email, "pw-1234567890").then().statusCode(303);
        live.get("/account/authorized-apps").then().statusCode(200).body(containsString("Acme Insights"));

        AdminRequests.operator().post("/admin/users/" + id + "/disable")
                .then().statusCode(200).body("user.disabled", equalTo(true))
                .body("sessions_ended", equalTo(1)).body("grants_revoked", equalTo(1));

        // token-service was told to revoke the grant (refresh families, deny-list), and the grant is marked revoked
        assertFalse(InternalServicesStub.callsTo("/internal/grants/" + grant + "/revoke").isEmpty());
        assertNotNull(TestUsers.query("select revoked_at from consent.grants where id = ?", grant).get(0).get("revoked_at"));
        // the live session is gone: the page sends the browser to sign in again
        live.get("/account/authorized-apps").then().statusCode(303).header("Location", containsString("/login"));
        // sign-in is refused; device-service's check says inactive
        new Browser().signIn(email, "pw-1234567890").then().statusCode(401);
        given().header("X-Latchkey-Internal", InternalServicesStub.SECRET).get("/internal/users/" + id)
                .then().body("active", equalTo(false));
        assertEquals(1, TestUsers.query("select 1 from consent.audit_events where action = 'user.disable' and user_id = ?"
                + " and actor = ?", id, AdminRequests.OPERATOR_CLIENT).size());

        // enabling lets them sign in again; the revoked grant stays revoked
        AdminRequests.operator().post("/admin/users/" + id + "/enable").then().statusCode(200).body("disabled", equalTo(false));
        new Browser().signIn(email, "pw-1234567890").then().statusCode(303);
        assertNotNull(TestUsers.query("select revoked_at from consent.grants where id = ?", grant).get(0).get("revoked_at"));
    }

    @Test
    void whenTokenServiceCannotRevokeTheDisableAnswers503AndARetryFinishesIt() throws Exception {
        UUID id = TestUsers.create(email(), "pw-1234567890", false);
        UUID grant = TestUsers.grant(id, "partner-web", "profile", "web", 1);
        InternalServicesStub.grantsDown = true;
        try {
            AdminRequests.operator().post("/admin/users/" + id + "/disable")
                    .then().statusCode(503).body("error", equalTo("temporarily_unavailable"));
        } finally {
            InternalServicesStub.grantsDown = false;
        }
        assertEquals(true, TestUsers.query("select disabled from consent.users where id = ?", id).get(0).get("disabled"));
        AdminRequests.operator().post("/admin/users/" + id + "/disable").then().statusCode(200).body("grants_revoked", equalTo(1));
        assertNotNull(TestUsers.query("select revoked_at from consent.grants where id = ?", grant).get(0).get("revoked_at"));
    }
}
