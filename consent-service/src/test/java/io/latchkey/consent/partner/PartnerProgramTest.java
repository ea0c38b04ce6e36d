package io.latchkey.consent.partner;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.latchkey.consent.Browser;
import io.latchkey.consent.InternalServicesStub;
import io.latchkey.consent.TestUsers;
import io.latchkey.consent.admin.AdminRequests;
import io.latchkey.testsupport.FreshDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.core.json.JsonObject;

/** Issue 12: apply → approve (client created in token-service, owner = applicant) → secret shown once → rotate, edit. */
@QuarkusTest
@QuarkusTestResource(FreshDatabase.class)
@QuarkusTestResource(InternalServicesStub.class)
class PartnerProgramTest {

    private static final Pattern SECRET = Pattern.compile("id=\"client-secret\">([^<]+)<");

    static Browser partner() throws Exception {
        String username = "partner-" + UUID.randomUUID() + "@example.test";
        TestUsers.create(username, "pw-" + username, false);
        Browser b = new Browser();
        b.signIn(username, "pw-" + username).then().statusCode(303);
        b.username = username;
        return b;
    }

    static Map<String, String> webApp(String csrf, String name) {
        Map<String, String> f = new HashMap<>();
        f.put("csrf", csrf);
        f.put("app_name", name);
        f.put("description", "Dashboards for your databases");
        f.put("homepage_uri", "https://acme.example");
        f.put("logo_uri", "https://acme.example/logo.png");
        f.put("app_type", "web");
        f.put("redirect_uri", "https://acme.example/callback");
        f.put("scope", "db:read");
        f.put("contact_email", "dev@acme.example");
        return f;
    }

    static String apply(Browser b, Map<String, String> form) {
        b.post("/partners/apply", form).then().statusCode(303).header("Location", "/partners/apps?submitted=1");
        List<Map<String, Object>> rows;
        try {
            rows = TestUsers.query("select a.id from consent.partner_applications a join consent.users u "
                    + "on u.id = a.applicant_id where u.username = ? order by a.created_at desc", b.username);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        return rows.get(0).get("id").toString();
    }

    @Test
    void aPartnerAppliesAnOperatorApprovesAndThePartnerReadsTheSecretOnce() throws Exception {
        Browser b = partner();
        String csrf = Browser.csrfOf(b.get("/partners/apply"));
        String id = apply(b, webApp(csrf, "Acme Dash"));
        b.get("/partners/apps?submitted=1").then().statusCode(200).body(containsString("Acme Dash"))
                .body(containsString("waiting for an operator"))
                .body(containsString("data-status=\"pending\""));

        AdminRequests.operator().queryParam("status", "pending").get("/admin/partner-applications")
                .then().statusCode(200).body("applications.id", org.hamcrest.Matchers.hasItem(id));
        Response approved = AdminRequests.operator().post("/admin/partner-applications/" + id + "/approve");
        approved.then().statusCode(200).body("status", equalTo("approved")).body("client_id", notNullValue())
                .body("client_secret", nullValue()).body(not(containsString("secret-")));
        String clientId = approved.path("client_id");

        // token-service got the client with the applicant as owner and the app type's registration
        JsonObject reg = InternalServicesStub.REGISTERED.get(clientId);
        assertEquals(TestUsers.idOf(b.username).toString(), reg.getString("owner"));
        assertEquals("client_secret_basic", reg.getString("token_endpoint_auth_method"));
        assertEquals(List.of("authorization_code", "refresh_token"), reg.getJsonArray("grant_types").getList());
        assertEquals(List.of("https://acme.example/callback"), reg.getJsonArray("redirect_uris").getList());

        // the secret is in Redis only, never in PostgreSQL
        assertTrue(TestUsers.query("select * from consent.partner_applications where id = ?::uuid", id).get(0)
                .values().stream().noneMatch(v -> v != null && v.toString().startsWith("secret-")));

        String detail = b.get("/partners/apps/" + id).then().statusCode(200).body(containsString(clientId))
                .body(containsString("Show the client secret")).extract().asString();
        csrf = Browser.csrfOf(b.get("/partners/apps/" + id));
        String page = b.post("/partners/apps/" + id + "/secret", Map.of("csrf", csrf)).then().statusCode(200)
                .header("Cache-Control", "no-store").extract().asString();
        Matcher m = SECRET.matcher(page);
        assertTrue(m.find(), page);
        assertTrue(m.group(1).startsWith("secret-"));
        // shown once: a second reveal finds nothing
        b.post("/partners/apps/" + id + "/secret", Map.of("csrf", csrf)).then().statusCode(200)
                .body(not(containsString("id=\"client-secret\""))).body(containsString("shown already"));
        assertNotNull(detail);

        // audited: submit (by the applicant), approve (by the operator, from its IP)
        UUID applicant = TestUsers.idOf(b.username);
        AdminRequests.operator().queryParam("user_id", applicant.toString()).get("/admin/audit-events")
                .then().statusCode(200).body("events.kind", org.hamcrest.Matchers.hasItems(
                        "partner_application.submit", "partner_application.approve"));
        // deciding twice is a conflict
        AdminRequests.operator().post("/admin/partner-applications/" + id + "/approve").then().statusCode(409)
                .body("error", equalTo("conflict"));
    }

    @Test
    void aPartnerRotatesTheSecretAndEditsRedirectUrisWhichAreValidatedAgain() throws Exception {
        Browser b = partner();
        String id = apply(b, webApp(Browser.csrfOf(b.get("/partners/apply")), "Rotating"));
        String clientId = AdminRequests.operator().post("/admin/partner-applications/" + id + "/approve")
                .then().statusCode(200).extract().path("client_id");
        String csrf = Browser.csrfOf(b.get("/partners/apps/" + id));
        b.post("/partners/apps/" + id + "/secret", Map.of("csrf", csrf)).then().statusCode(200);

        b.post("/partners/apps/" + id + "/rotate", Map.of("csrf", csrf)).then().statusCode(303)
                .header("Location", "/partners/apps/" + id);
        String page = b.post("/partners/apps/" + id + "/secret", Map.of("csrf", csrf)).asString();
        Matcher m = SECRET.matcher(page);
        assertTrue(m.find() && m.group(1).startsWith("rotated-"), page);

        b.post("/partners/apps/" + id + "/redirect-uris", Map.of("csrf", csrf, "redirect_uri", "https://acme.example/new"))
                .then().statusCode(303);
        assertEquals(List.of("https://acme.example/new"),
                InternalServicesStub.REGISTERED.get(clientId).getJsonArray("redirect_uris").getList());
        // RFC 9700 §4.1: http is refused for a web app (checked before token-service is asked)
        b.post("/partners/apps/" + id + "/redirect-uris", Map.of("csrf", csrf, "redirect_uri", "http://acme.example/cb"))
                .then().statusCode(400).body(containsString("class=\"error\""));
        assertEquals(List.of("https://acme.example/new"),
                InternalServicesStub.REGISTERED.get(clientId).getJsonArray("redirect_uris").getList());
    }

    @Test
    void anOperatorRejectsWithAReasonThePartnerSees() throws Exception {
        Browser b = partner();
        String id = apply(b, webApp(Browser.csrfOf(b.get("/partners/apply")), "Rejected App"));
        AdminRequests.operator().contentType("application/json").body("{}").post("/admin/partner-applications/" + id + "/reject")
                .then().statusCode(400).body("error", equalTo("invalid_request"));
        AdminRequests.operator().contentType("application/json").body("{\"reason\":\"Homepage does not load.\"}")
                .post("/admin/partner-applications/" + id + "/reject")
                .then().statusCode(200).body("status", equalTo("rejected")).body("reject_reason", equalTo("Homepage does not load."));
        b.get("/partners/apps").then().statusCode(200).body(containsString("Homepage does not load."))
                .body(containsString("data-status=\"rejected\""));
        AdminRequests.operator().post("/admin/partner-applications/" + id + "/approve").then().statusCode(409);
    }

    @Test
    void theFormIsValidatedServerSide() throws Exception {
        Browser b = partner();
        String csrf = Browser.csrfOf(b.get("/partners/apply"));
        Map<String, Map<String, String>> bad = new java.util.LinkedHashMap<>();
        bad.put("http redirect for a web app", with(webApp(csrf, "X"), "redirect_uri", "http://acme.example/cb"));
        bad.put("fragment", with(webApp(csrf, "X"), "redirect_uri", "https://acme.example/cb#frag"));
        bad.put("wildcard", with(webApp(csrf, "X"), "redirect_uri", "https://*.acme.example/cb"));
        bad.put("no redirect for a web app", with(webApp(csrf, "X"), "redirect_uri", ""));
        bad.put("redirect for a service", with(webApp(csrf, "X"), "app_type", "service"));
        bad.put("unknown type", with(webApp(csrf, "X"), "app_type", "mainframe"));
        bad.put("admin scope", with(webApp(csrf, "X"), "scope", "admin"));
        bad.put("unknown scope", with(webApp(csrf, "X"), "scope", "everything"));
        bad.put("no name", with(webApp(csrf, "X"), "app_name", ""));
        bad.put("http homepage", with(webApp(csrf, "X"), "homepage_uri", "http://acme.example"));
        bad.put("javascript logo", with(webApp(csrf, "X"), "logo_uri", "javascript:alert(1)"));
        bad.put("bad email", with(webApp(csrf, "X"), "contact_email", "not-an-email"));
        bad.put("long description", with(webApp(csrf, "X"), "description", "d".repeat(1001)));
        for (Map.Entry<String, Map<String, String>> e : bad.entrySet()) {
            b.post("/partners/apply", e.getValue()).then().statusCode(400).body(containsString("class=\"error\""));
        }
        assertTrue(TestUsers.query("select 1 from consent.partner_applications a join consent.users u "
                + "on u.id = a.applicant_id where u.username = ?", b.username).isEmpty(), "nothing stored");
        // a native app may use a loopback http redirect (RFC 8252 §7.3); a CLI has none
        apply(b, with(with(webApp(csrf, "Native"), "app_type", "native"), "redirect_uri", "http://127.0.0.1/callback"));
        apply(b, with(with(webApp(csrf, "Cli"), "app_type", "device"), "redirect_uri", ""));
    }

    @Test
    void pagesNeedASessionAndFormsNeedTheCsrfToken() throws Exception {
        Browser anonymous = new Browser();
        anonymous.get("/partners/apply").then().statusCode(303).header("Location", containsString("/login?return_to="));
        anonymous.get("/partners/apps").then().statusCode(303);
        Browser b = partner();
        b.post("/partners/apply", webApp("wrong-token", "X")).then().statusCode(403);
        Browser other = partner();
        String id = apply(b, webApp(Browser.csrfOf(b.get("/partners/apply")), "Mine"));
        // another user's application does not exist for them
        other.get("/partners/apps/" + id).then().statusCode(404);
        other.post("/partners/apps/" + id + "/secret", Map.of("csrf", Browser.csrfOf(other.get("/partners/apply"))))
                .then().statusCode(404);
        b.get("/partners/apps/not-a-uuid").then().statusCode(404);
    }

    @Test
    void theAdminRoutesRefuseCallersWithoutScopeAdminAndBadInput() {
        io.restassured.RestAssured.given().get("/admin/partner-applications").then().statusCode(401)
                .body("error", equalTo("invalid_token"));
        AdminRequests.as("u", "profile").get("/admin/partner-applications").then().statusCode(403)
                .body("error", equalTo("insufficient_scope"));
        AdminRequests.as("u", "profile").post("/admin/partner-applications/" + UUID.randomUUID() + "/approve")
                .then().statusCode(403);
        AdminRequests.operator().queryParam("status", "maybe").get("/admin/partner-applications").then().statusCode(400)
                .body("error", equalTo("invalid_request"));
        AdminRequests.operator().get("/admin/partner-applications/" + UUID.randomUUID()).then().statusCode(404);
        AdminRequests.operator().post("/admin/partner-applications/" + UUID.randomUUID() + "/approve").then().statusCode(404);
        AdminRequests.operator().contentType("application/json").body("{\"reason\":\"x\",\"reason\":\"y\"}")
                .post("/admin/partner-applications/" + UUID.randomUUID() + "/reject").then().statusCode(400);
        AdminRequests.operator().queryParam("limit", "2").get("/admin/partner-applications").then().statusCode(200)
                .body("applications", org.hamcrest.Matchers.anything());
        assertFalse(false);
    }

    private static Map<String, String> with(Map<String, String> form, String name, String value) {
        Map<String, String> copy = new HashMap<>(form);
        copy.put(name, value);
        return copy;
    }
}
