package io.latchkey.token;

import static io.latchkey.token.Fixtures.INTERNAL_SECRET;
import static io.latchkey.token.Fixtures.active;
import static io.latchkey.token.Fixtures.column;
import static io.latchkey.token.Fixtures.mint;
import static io.latchkey.token.Fixtures.operator;
import static io.latchkey.token.Fixtures.refresh;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.latchkey.testsupport.FreshDatabase;
import io.latchkey.token.seed.DemoClients;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.vertx.core.json.JsonObject;

/**
 * The operators' admin API for clients (RFC 7591 metadata, RFC 7592 semantics) as token-service answers it behind the
 * gateway, and its twin /internal/clients: every route, every validation error, the operator check, the audit trail,
 * secret rotation with overlap, and disabling/deleting revoking all the client's grants.
 */
@QuarkusTest
@TestProfile(AdminClientsProfile.class)
@QuarkusTestResource(FreshDatabase.class)
@QuarkusTestResource(AuditReceiver.class)
class AdminClientResourceTest {

    private static final String DEVICE = Fixtures.DEVICE_GRANT;

    @AfterEach
    void auditWorksAgain() {
        AuditReceiver.FAILING.set(false);
    }

    private static String uniqueId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static JsonObject webApp(String clientId) {
        return new JsonObject().put("client_id", clientId).put("client_name", "Acme Reports")
                .put("redirect_uris", List.of("https://reports.acme.example/callback"))
                .put("grant_types", List.of("authorization_code", "refresh_token", "client_credentials"))
                .put("token_endpoint_auth_method", "client_secret_basic").put("scope", "profile db:read")
                .put("client_uri", "https://reports.acme.example").put("contacts", List.of("ops@acme.example"));
    }

    private static JsonObject cliApp(String clientId) {
        return new JsonObject().put("client_id", clientId).put("client_name", "Acme CLI")
                .put("grant_types", List.of(DEVICE, "refresh_token")).put("token_endpoint_auth_method", "none")
                .put("scope", "profile db:read");
    }

    private static Response create(JsonObject body) {
        return operator().contentType(ContentType.JSON).body(body.encode()).post("/admin/clients");
    }

    private static String clientCredentials(String clientId, String secret) {
        return given().auth().preemptive().basic(clientId, secret).formParam("grant_type", "client_credentials")
                .post("/oauth/token").then().extract().path("access_token");
    }

    private static int clientCredentialsStatus(String clientId, String secret) {
        return given().auth().preemptive().basic(clientId, secret).formParam("grant_type", "client_credentials")
                .post("/oauth/token").statusCode();
    }

    // ---- the operator check -------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} {1} needs an operator")
    @CsvSource({"POST, /admin/clients", "GET, /admin/clients", "GET, /admin/clients/partner-web",
            "PUT, /admin/clients/partner-web", "DELETE, /admin/clients/partner-web",
            "POST, /admin/clients/partner-web/secret", "POST, /admin/clients/partner-web/disable",
            "POST, /admin/clients/partner-web/enable", "POST, /admin/keys/rotate"})
    void everyAdminRouteAnswers401WithoutAnOperatorAnd403WithoutScopeAdmin(String method, String path) {
        // RFC 6750 §3.1: no (believable) token: 401 with the challenge
        given().request(method, path).then().statusCode(401)
                .header("WWW-Authenticate", startsWith("Bearer")).body("error", equalTo("invalid_token"));
        // identity headers a client sent itself (no gateway proof) are not believed
        given().header("X-Latchkey-Identity", "guess").header("X-Latchkey-Subject", "x")
                .header("X-Latchkey-Client-Id", "x").header("X-Latchkey-Scope", "admin")
                .request(method, path).then().statusCode(401);
        // RFC 6750 §3.1: a valid token without the scope: 403 insufficient_scope
        operator("profile db:read db:write").request(method, path).then().statusCode(403)
                .header("WWW-Authenticate", containsString("scope=\"admin\"")).body("error", equalTo("insufficient_scope"));
        assertEquals(0, AuditReceiver.EVENTS.stream().filter(e -> "x".equals(e.getString("actor"))).count());
    }

    // ---- create -------------------------------------------------------------------------------------------------

    @Test
    void creatingAConfidentialClientAnswers201WithItsSecretOnceAndTheSecretWorks() {
        String id = uniqueId("acme-reports");
        JsonPath created = create(webApp(id)).then().statusCode(201)
                .header("Cache-Control", "no-store")
                // RFC 7591 §3.2.1: the metadata, client_id, client_id_issued_at, and the secret
                .body("client_id", equalTo(id))
                .body("client_id_issued_at", notNullValue())
                .body("client_secret", matchesPattern("[A-Za-z0-9_-]{43}"))
                .body("client_secret_expires_at", equalTo(0))
                .body("client_name", equalTo("Acme Reports"))
                .body("redirect_uris", equalTo(List.of("https://reports.acme.example/callback")))
                .body("response_types", equalTo(List.of("code")))
                .body("token_endpoint_auth_method", equalTo("client_secret_basic"))
                .body("scope", equalTo("profile db:read"))
                .body("contacts", equalTo(List.of("ops@acme.example")))
                .body("disabled", equalTo(false))
                .extract().jsonPath();
        String secret = created.getString("client_secret");

        // stored only as a hash
        assertFalse(column("SELECT encode(secret_hash, 'escape') FROM token.clients WHERE client_id = ?", id)
                .toString().contains(secret));
        // usable at once (the "not found" a previous lookup may have cached is dropped by the created message)
        assertEquals(200, clientCredentialsStatus(id, secret));
        // shown once: reading it back never shows the secret
        operator().get("/admin/clients/" + id).then().statusCode(200)
                .body("client_id", equalTo(id)).body("client_secret", nullValue());

        JsonObject event = AuditReceiver.EVENTS.stream().filter(e -> id.equals(e.getString("client_id"))
                && "client.created".equals(e.getString("kind"))).findFirst().orElseThrow();
        assertEquals("operator-user-1", event.getString("actor"));
        assertEquals("203.0.113.9", event.getString("ip"));
        assertEquals("latchkey-operator", event.getJsonObject("detail").getString("actor_client_id"));
    }

    @Test
    void aPublicNativeClientGetsNoSecretAndTheServerMayChooseItsId() {
        JsonObject body = new JsonObject().put("client_name", "Acme Desktop 2").put("token_endpoint_auth_method", "none")
                .put("redirect_uris", List.of("http://127.0.0.1/callback", "com.acme.desktop:/oauth2redirect"));
        create(body).then().statusCode(201)
                .body("client_id", matchesPattern("[a-z0-9]{20}"))
                .body("client_secret", nullValue())
                // RFC 7591 §2: grant_types defaults to authorization_code
                .body("grant_types", equalTo(List.of("authorization_code")))
                .body("token_endpoint_auth_method", equalTo("none"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // RFC 9700 §2.6 / §4.1, RFC 8252 §7: redirect URIs
            "http for a web app | {\"client_name\":\"A\",\"redirect_uris\":[\"http://a.example/cb\"]} | invalid_redirect_uri",
            "a fragment | {\"client_name\":\"A\",\"redirect_uris\":[\"https://a.example/cb#x\"]} | invalid_redirect_uri",
            "a wildcard | {\"client_name\":\"A\",\"redirect_uris\":[\"https://*.a.example/cb\"]} | invalid_redirect_uri",
            "localhost for a native app | {\"client_name\":\"A\",\"token_endpoint_auth_method\":\"none\",\"redirect_uris\":[\"http://localhost/cb\"]} | invalid_redirect_uri",
            "a custom scheme for a web app | {\"client_name\":\"A\",\"redirect_uris\":[\"com.a.app:/cb\"]} | invalid_redirect_uri",
            "javascript | {\"client_name\":\"A\",\"token_endpoint_auth_method\":\"none\",\"redirect_uris\":[\"javascript:alert(1)\"]} | invalid_redirect_uri",
            "no redirect URI for the code grant | {\"client_name\":\"A\"} | invalid_redirect_uri",
            "a relative redirect URI | {\"client_name\":\"A\",\"redirect_uris\":[\"/cb\"]} | invalid_redirect_uri",
            // grant types and authentication method
            "client_credentials for a public client | {\"client_name\":\"A\",\"grant_types\":[\"client_credentials\"],\"token_endpoint_auth_method\":\"none\"} | invalid_client_metadata",
            "an unsupported grant | {\"client_name\":\"A\",\"grant_types\":[\"password\"]} | invalid_client_metadata",
            "implicit | {\"client_name\":\"A\",\"redirect_uris\":[\"https://a.example/cb\"],\"response_types\":[\"token\"]} | invalid_client_metadata",
            "refresh_token alone | {\"client_name\":\"A\",\"grant_types\":[\"refresh_token\"]} | invalid_client_metadata",
            "an unknown auth method | {\"client_name\":\"A\",\"grant_types\":[\"client_credentials\"],\"token_endpoint_auth_method\":\"private_key_jwt\"} | invalid_client_metadata",
            // scopes
            "an unknown scope | {\"client_name\":\"A\",\"grant_types\":[\"client_credentials\"],\"scope\":\"db:drop\"} | invalid_client_metadata",
            "admin for a non-operator | {\"client_name\":\"A\",\"grant_types\":[\"client_credentials\"],\"scope\":\"admin\"} | invalid_client_metadata",
            // the rest of the metadata
            "no name | {\"redirect_uris\":[\"https://a.example/cb\"]} | invalid_client_metadata",
            "a UUID-shaped client_id | {\"client_id\":\"0e1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b\",\"client_name\":\"A\",\"grant_types\":[\"client_credentials\"]} | invalid_client_metadata",
            "an http logo | {\"client_name\":\"A\",\"grant_types\":[\"client_credentials\"],\"logo_uri\":\"http://a.example/l.png\"} | invalid_client_metadata",
            "a wrong type | {\"client_name\":[\"A\"]} | invalid_client_metadata",
            "not an object | [1,2] | invalid_client_metadata",
            "not JSON | {client_name: | invalid_client_metadata",
    })
    void invalidMetadataIsRefusedWithTheRfc7591Error(String what, String body, String error) {
        // RFC 7591 §3.2.2: 400 with invalid_redirect_uri or invalid_client_metadata
        long before = (Long) column("SELECT count(*) FROM token.clients").get(0);
        operator().contentType(ContentType.JSON).body(body).post("/admin/clients").then().statusCode(400)
                .header("Cache-Control", "no-store")
                .body("error", equalTo(error)).body("error_description", notNullValue());
        assertEquals(before, (Long) column("SELECT count(*) FROM token.clients").get(0), what);
    }

    @Test
    void metadataMustBeSentAsJson() {
        operator().contentType("application/x-www-form-urlencoded").body("client_name=A").post("/admin/clients")
                .then().statusCode(400).body("error", equalTo("invalid_request"));
        operator().contentType("application/json; charset=iso-8859-1").body("{}").post("/admin/clients")
                .then().statusCode(400).body("error", equalTo("invalid_request"));
    }

    @Test
    void aClientIdIsNeverReusedEvenAfterItsClientIsDeleted() {
        String id = uniqueId("once");
        create(cliApp(id)).then().statusCode(201);
        create(cliApp(id)).then().statusCode(400).body("error", equalTo("invalid_client_metadata"));
        operator().delete("/admin/clients/" + id).then().statusCode(204);
        create(cliApp(id)).then().statusCode(400).body("error", equalTo("invalid_client_metadata"));
    }

    @Test
    void anOperatorClientIsSeededAndGetsAdminNonOperatorsGetInvalidScope() {
        given().auth().preemptive().basic(DemoClients.OPERATOR, AdminClientsProfile.OPERATOR_SECRET)
                .formParam("grant_type", "client_credentials").formParam("scope", "admin")
                .post("/oauth/token").then().statusCode(200).body("scope", equalTo("admin"));
        // only operator clients can ever hold admin
        given().auth().preemptive().basic(DemoClients.PARTNER_WEB, DemoClients.PARTNER_WEB_SECRET)
                .formParam("grant_type", "client_credentials").formParam("scope", "admin")
                .post("/oauth/token").then().statusCode(400).body("error", equalTo("invalid_scope"));
    }

    // ---- read, list, update -------------------------------------------------------------------------------------

    @Test
    void listingIsPaginatedByCursor() {
        String tag = "page" + UUID.randomUUID().toString().substring(0, 6);
        for (int i = 0; i < 3; i++) {
            create(cliApp(tag + "-" + i)).then().statusCode(201);
        }
        JsonPath first = operator().queryParam("q", tag).queryParam("limit", 2).get("/admin/clients")
                .then().statusCode(200).body("clients", hasSize(2)).extract().jsonPath();
        assertEquals(List.of(tag + "-0", tag + "-1"), first.getList("clients.client_id"));
        String cursor = first.getString("next_cursor");
        assertEquals(tag + "-1", cursor);
        operator().queryParam("q", tag).queryParam("limit", 2).queryParam("cursor", cursor).get("/admin/clients")
                .then().statusCode(200).body("clients.client_id", equalTo(List.of(tag + "-2")))
                .body("next_cursor", nullValue());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"limit=0", "limit=101", "limit=abc", "limit=1&limit=2", "disabled=maybe",
            "q=%C3%28", "cursor=a%00b", "q=a%0Ab"})
    void aMalformedListingQueryIsInvalidRequest(String query) {
        operator().urlEncodingEnabled(false).get("/admin/clients?" + query).then().statusCode(400).body("error", equalTo("invalid_request"));
    }

    @Test
    void anUnknownClientIsNotFound() {
        operator().get("/admin/clients/no-such-client").then().statusCode(404).body("error", equalTo("not_found"));
        operator().post("/admin/clients/no-such-client/disable").then().statusCode(404);
        operator().contentType(ContentType.JSON).body(cliApp("no-such-client").encode())
                .put("/admin/clients/no-such-client").then().statusCode(404);
    }

    @Test
    void anUpdateReplacesTheMetadata() {
        String id = uniqueId("upd");
        create(webApp(id)).then().statusCode(201);
        JsonObject changed = webApp(id).put("redirect_uris", List.of("https://reports.acme.example/v2/callback"));
        changed.remove("contacts");
        operator().contentType(ContentType.JSON).body(changed.encode()).put("/admin/clients/" + id).then().statusCode(200)
                .body("redirect_uris", equalTo(List.of("https://reports.acme.example/v2/callback")))
                // RFC 7592 §2.2: omitted members are reset, not kept
                .body("contacts", equalTo(List.of()));
        // RFC 7592 §2.2: the body's client_id is the path's
        operator().contentType(ContentType.JSON).body(webApp("other-id").encode()).put("/admin/clients/" + id)
                .then().statusCode(400).body("error", equalTo("invalid_request"));
        operator().contentType(ContentType.JSON).body(webApp(id).put("redirect_uris", List.of("http://x.example/cb")).encode())
                .put("/admin/clients/" + id).then().statusCode(400).body("error", equalTo("invalid_redirect_uri"));
        // a confidential client cannot turn public (its secret would be stranded)
        operator().contentType(ContentType.JSON).body(cliApp(id).encode()).put("/admin/clients/" + id)
                .then().statusCode(400).body("error", equalTo("invalid_client_metadata"));
    }

    // ---- secrets ------------------------------------------------------------------------------------------------

    @Test
    void aRotatedSecretReplacesTheOldOneAfterTheOverlap() throws Exception {
        String id = uniqueId("rot");
        String oldSecret = create(webApp(id)).then().statusCode(201).extract().path("client_secret");
        String newSecret = operator().post("/admin/clients/" + id + "/secret").then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body("client_secret_expires_at", equalTo(0))
                .body("previous_secret_expires_at", notNullValue())
                .extract().path("client_secret");
        assertNotEquals(oldSecret, newSecret);
        assertEquals(200, clientCredentialsStatus(id, newSecret));
        // the overlap (3 s in this profile): the old secret still works...
        assertEquals(200, clientCredentialsStatus(id, oldSecret));
        // ... then stops
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (clientCredentialsStatus(id, oldSecret) == 200) {
            assertTrue(System.nanoTime() < deadline, "the old secret still works after 10 s");
            Thread.sleep(200);
        }
        assertEquals(401, clientCredentialsStatus(id, oldSecret));
        assertEquals(200, clientCredentialsStatus(id, newSecret));
        assertTrue(AuditReceiver.EVENTS.stream().anyMatch(e -> id.equals(e.getString("client_id"))
                && "client.secret_rotated".equals(e.getString("kind"))));
    }

    @Test
    void aPublicClientHasNoSecretToRotate() {
        String id = uniqueId("pub");
        create(cliApp(id)).then().statusCode(201);
        operator().post("/admin/clients/" + id + "/secret").then().statusCode(400).body("error", equalTo("invalid_request"));
    }

    // ---- disable, enable, delete --------------------------------------------------------------------------------

    @Test
    void disablingAClientRevokesAllItsGrantsAndEnablingRevivesNone() throws Exception {
        String id = uniqueId("dis");
        create(cliApp(id)).then().statusCode(201);
        JsonPath tokens = mint(id, "profile");
        String access = tokens.getString("access_token");
        String refreshToken = tokens.getString("refresh_token");
        assertTrue(active(access));

        operator().post("/admin/clients/" + id + "/disable").then().statusCode(200).body("disabled", equalTo(true));

        // RFC 7662: introspection says inactive; the refresh token is dead (invalid_grant); the record is durable
        assertFalse(active(access));
        refresh(id, refreshToken).then().statusCode(400).body("error", equalTo("invalid_grant"));
        assertEquals(List.of("client_revoked"), column("SELECT DISTINCT revoked_reason FROM token.refresh_tokens WHERE client_id = ?", id));
        given().header("X-Latchkey-Internal", INTERNAL_SECRET).get("/internal/revocations").then().statusCode(200)
                .body("revocations.findAll { it.kind == 'client' }.id", hasItem(id));
        // a disabled client gets nothing new
        given().header("X-Latchkey-Internal", INTERNAL_SECRET).contentType(ContentType.JSON)
                .body("{\"client_id\":\"" + id + "\",\"subject\":\"u\",\"scope\":\"profile\",\"grant_id\":\"g-" + id
                        + "\",\"grant_type\":\"" + DEVICE + "\"}")
                .post("/internal/tokens").then().statusCode(not(equalTo(200)));

        // enabled again: the old tokens stay dead, new ones work (issued in a later second than the revocation)
        Thread.sleep(1100);
        operator().post("/admin/clients/" + id + "/enable").then().statusCode(200).body("disabled", equalTo(false));
        assertFalse(active(access));
        refresh(id, refreshToken).then().statusCode(400).body("error", equalTo("invalid_grant"));
        assertTrue(active(mint(id, "profile").getString("access_token")));
        assertTrue(AuditReceiver.EVENTS.stream().anyMatch(e -> id.equals(e.getString("client_id"))
                && "client.disabled".equals(e.getString("kind"))));
    }

    @Test
    void disablingAConfidentialClientStopsItsClientCredentialsTokens() {
        String id = uniqueId("cc");
        String secret = create(webApp(id)).then().statusCode(201).extract().path("client_secret");
        String access = clientCredentials(id, secret);
        assertTrue(given().auth().preemptive().basic(DemoClients.RESOURCE_SERVER, DemoClients.RESOURCE_SERVER_SECRET)
                .formParam("token", access).post("/oauth/introspect").then().extract().<Boolean>path("active"));
        operator().post("/admin/clients/" + id + "/disable").then().statusCode(200);
        assertFalse(given().auth().preemptive().basic(DemoClients.RESOURCE_SERVER, DemoClients.RESOURCE_SERVER_SECRET)
                .formParam("token", access).post("/oauth/introspect").then().extract().<Boolean>path("active"));
        assertEquals(401, clientCredentialsStatus(id, secret));
    }

    @Test
    void deletingAClientRevokesItsGrantsAndForgetsIt() {
        String id = uniqueId("del");
        create(cliApp(id)).then().statusCode(201);
        JsonPath tokens = mint(id, "profile");
        operator().delete("/admin/clients/" + id).then().statusCode(204);
        operator().get("/admin/clients/" + id).then().statusCode(404);
        assertFalse(active(tokens.getString("access_token")));
        refresh(id, tokens.getString("refresh_token")).then().statusCode(401).body("error", equalTo("invalid_client"));
        given().header("X-Latchkey-Internal", INTERNAL_SECRET).get("/internal/clients/" + id).then().statusCode(404);
        assertTrue(AuditReceiver.EVENTS.stream().anyMatch(e -> id.equals(e.getString("client_id"))
                && "client.deleted".equals(e.getString("kind"))));
    }

    // ---- the audit trail comes first ----------------------------------------------------------------------------

    @Test
    void whenTheAuditTrailCannotBeWrittenNothingIsDone() {
        String id = uniqueId("unaudited");
        AuditReceiver.FAILING.set(true);
        create(cliApp(id)).then().statusCode(503).body("error", equalTo("temporarily_unavailable"))
                .header("Retry-After", notNullValue());
        assertEquals(List.of(), column("SELECT client_id FROM token.clients WHERE client_id = ?", id));
        operator().post("/admin/clients/partner-web/disable").then().statusCode(503);
        operator().post("/admin/keys/rotate").then().statusCode(503);
        AuditReceiver.FAILING.set(false);
        given().header("X-Latchkey-Internal", INTERNAL_SECRET).get("/internal/clients/partner-web").then().statusCode(200);
    }

    // ---- the internal twin for consent-service ------------------------------------------------------------------

    @Test
    void consentServiceRegistersPartnerClientsButNeverOperatorClients() {
        String owner = UUID.randomUUID().toString();
        String id = uniqueId("partner");
        // RFC 7591 §3.2.1 as for the admin route, plus the owner
        JsonPath created = given().header("X-Latchkey-Internal", INTERNAL_SECRET).contentType(ContentType.JSON)
                .body(webApp(id).put("owner", owner).encode()).post("/internal/clients")
                .then().statusCode(201).body("owner", equalTo(owner)).body("client_secret", notNullValue())
                .extract().jsonPath();
        given().header("X-Latchkey-Internal", INTERNAL_SECRET).queryParam("owner", owner).get("/internal/clients")
                .then().statusCode(200).body("clients.client_id", equalTo(List.of(id)));
        given().header("X-Latchkey-Internal", INTERNAL_SECRET).contentType(ContentType.JSON)
                .body(webApp(id).put("redirect_uris", List.of("https://reports.acme.example/new")).encode())
                .put("/internal/clients/" + id).then().statusCode(200).body("owner", equalTo(owner))
                .body("redirect_uris", equalTo(List.of("https://reports.acme.example/new")));
        String rotated = given().header("X-Latchkey-Internal", INTERNAL_SECRET).post("/internal/clients/" + id + "/secret")
                .then().statusCode(200).extract().path("client_secret");
        assertNotEquals(created.getString("client_secret"), rotated);
        given().header("X-Latchkey-Internal", INTERNAL_SECRET).post("/internal/clients/" + id + "/disable")
                .then().statusCode(200).body("disabled", equalTo(true));
        given().header("X-Latchkey-Internal", INTERNAL_SECRET).get("/internal/clients/" + id + "/registration")
                .then().statusCode(200).body("disabled", equalTo(true));
        given().header("X-Latchkey-Internal", INTERNAL_SECRET).post("/internal/clients/" + id + "/enable")
                .then().statusCode(200).body("disabled", equalTo(false));

        // a partner can never register an operator client, nor ask for admin
        given().header("X-Latchkey-Internal", INTERNAL_SECRET).contentType(ContentType.JSON)
                .body(webApp(uniqueId("op")).put("operator", true).put("scope", "admin").encode()).post("/internal/clients")
                .then().statusCode(400).body("error", equalTo("invalid_client_metadata"));
        // and without the internal secret nothing at all
        given().contentType(ContentType.JSON).body(webApp(uniqueId("x")).encode()).post("/internal/clients")
                .then().statusCode(401).body("error", equalTo("invalid_client"));
    }
}
