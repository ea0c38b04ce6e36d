package io.latchkey.consent.web;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

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
import io.vertx.core.json.JsonObject;

/** The operator console: operators only, CSRF on every form, post/redirect/get. */
@QuarkusTest
@QuarkusTestResource(FreshDatabase.class)
@QuarkusTestResource(InternalServicesStub.class)
class ConsoleResourceTest {

    private static Browser operator() {
        Browser b = new Browser();
        b.signIn(DemoSeed.OPERATOR_USERNAME, DemoSeed.OPERATOR_PASSWORD).then().statusCode(303);
        return b;
    }

    private static Browser user() throws Exception {
        String username = "plain-" + UUID.randomUUID() + "@example.test";
        TestUsers.create(username, "pw-1234567890", false);
        Browser b = new Browser();
        b.signIn(username, "pw-1234567890").then().statusCode(303);
        b.username = username;
        return b;
    }

    @Test
    void onlySignedInOperatorsSeeTheConsole() throws Exception {
        new Browser().get("/admin").then().statusCode(303).header("Location", containsString("/login?return_to=%2Fadmin"));
        new Browser().get("/admin/console/users").then().statusCode(303);
        Browser plain = user();
        for (String page : new String[] {"/admin", "/admin/console/applications", "/admin/console/clients",
                "/admin/console/users", "/admin/console/audit"}) {
            plain.get(page).then().statusCode(403).body(containsString("Operators only"));
        }
        String csrf = Browser.csrfOf(plain.get("/"));
        plain.post("/admin/console/users/" + UUID.randomUUID() + "/disable", Map.of("csrf", csrf))
                .then().statusCode(403).body(containsString("Operators only"));
        Browser op = operator();
        op.get("/admin").then().statusCode(200).body(containsString("Operator console"))
                .header("X-Frame-Options", "DENY");
        op.get("/admin/console/audit").then().statusCode(200).body(containsString("Audit trail"));
    }

    @Test
    void theOperatorApprovesAnApplicationFromTheQueue() throws Exception {
        Browser partner = user();
        String csrf = Browser.csrfOf(partner.get("/partners/apply"));
        Map<String, String> form = new java.util.HashMap<>(Map.of("csrf", csrf, "app_name", "Queue App",
                "description", "d", "homepage_uri", "https://queue.example", "app_type", "service",
                "scope", "db:read", "contact_email", "q@queue.example"));
        partner.post("/partners/apply", form).then().statusCode(303);
        String id = TestUsers.query("select a.id from consent.partner_applications a join consent.users u on "
                + "u.id = a.applicant_id where u.username = ?", partner.username).get(0).get("id").toString();

        Browser op = operator();
        String queue = op.get("/admin/console/applications").then().statusCode(200)
                .body(containsString("Queue App")).extract().asString();
        String opCsrf = Browser.csrfOf(op.get("/admin/console/applications"));
        op.post("/admin/console/applications/" + id + "/approve", Map.of("csrf", "nope")).then().statusCode(403);
        op.post("/admin/console/applications/" + id + "/approve", Map.of("csrf", opCsrf))
                .then().statusCode(303).header("Location", "/admin/console/applications");
        Map<String, Object> row = TestUsers.query("select status, client_id, decided_by from consent.partner_applications "
                + "where id = ?::uuid", id).get(0);
        assertEquals("approved", row.get("status"));
        assertNotNull(row.get("client_id"));
        assertEquals(TestUsers.idOf(DemoSeed.OPERATOR_USERNAME).toString(), row.get("decided_by"));
        assertNotNull(queue);

        // the client is listed and can be disabled from the console (token-service's route), audited
        String clientId = (String) row.get("client_id");
        op.get("/admin/console/clients?q=" + clientId).then().statusCode(200).body(containsString(clientId));
        op.post("/admin/console/clients/" + clientId + "/disable", Map.of("csrf", opCsrf)).then().statusCode(303);
        JsonObject reg = InternalServicesStub.REGISTERED.get(clientId);
        assertEquals(true, reg.getBoolean("disabled"));
        assertEquals(1, TestUsers.query("select 1 from consent.audit_events where action = 'client.disable' and client_id = ?",
                clientId).size());
    }

    @Test
    void theOperatorRejectsWithAReasonAndDisablesAUser() throws Exception {
        Browser partner = user();
        String csrf = Browser.csrfOf(partner.get("/partners/apply"));
        partner.post("/partners/apply", new java.util.HashMap<>(Map.of("csrf", csrf, "app_name", "Nope App",
                "description", "d", "homepage_uri", "https://nope.example", "app_type", "device",
                "scope", "profile", "contact_email", "n@nope.example"))).then().statusCode(303);
        String id = TestUsers.query("select a.id from consent.partner_applications a join consent.users u on "
                + "u.id = a.applicant_id where u.username = ?", partner.username).get(0).get("id").toString();
        Browser op = operator();
        String opCsrf = Browser.csrfOf(op.get("/admin/console/applications"));
        op.post("/admin/console/applications/" + id + "/reject", Map.of("csrf", opCsrf)).then().statusCode(400);
        op.post("/admin/console/applications/" + id + "/reject", Map.of("csrf", opCsrf, "reason", "Not a real product"))
                .then().statusCode(303);
        partner.get("/partners/apps").then().body(containsString("Not a real product"));

        UUID userId = TestUsers.idOf(partner.username);
        op.get("/admin/console/users?q=" + partner.username).then().statusCode(200).body(containsString(partner.username));
        op.post("/admin/console/users/" + userId + "/disable", Map.of("csrf", opCsrf)).then().statusCode(303);
        assertEquals(true, TestUsers.query("select disabled from consent.users where id = ?", userId).get(0).get("disabled"));
        partner.get("/partners/apps").then().statusCode(303);
        op.post("/admin/console/users/" + userId + "/bogus", Map.of("csrf", opCsrf)).then().statusCode(404);
        op.get("/admin/console/audit?user_id=" + userId).then().statusCode(200).body(containsString("user.disable"));
    }

    @Test
    void malformedConsoleQueriesGetAnErrorPageNotA500() {
        Browser op = operator();
        for (String q : new String[] {"/admin/console/users?q=%00", "/admin/console/users?limit=abc",
                "/admin/console/users?q=a&q=b", "/admin/console/audit?user_id=nope", "/admin/console/audit?since=x",
                "/admin/console/applications?status=maybe", "/admin/console/applications?cursor=!!"}) {
            op.getEncoded(q).then().statusCode(400).contentType(containsString("text/html"))
                    .body(containsString("Request refused"));
        }
        op.getEncoded("/admin/console/users/" + UUID.randomUUID() + "/disable").then().statusCode(405);
    }
}
