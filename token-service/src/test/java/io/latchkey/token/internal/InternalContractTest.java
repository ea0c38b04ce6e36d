package io.latchkey.token.internal;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.latchkey.common.contract.ClientAuthenticationRequest;
import io.latchkey.common.contract.ClientInfo;
import io.latchkey.common.contract.ClientRegistration;
import io.latchkey.common.contract.CodeIssueRequest;
import io.latchkey.common.contract.IdTokenHintCheck;
import io.latchkey.common.contract.IdTokenHintSubject;
import io.latchkey.common.contract.IssuedAuthorizationCode;
import io.latchkey.common.contract.SessionInfo;
import io.latchkey.common.contract.TokenMintRequest;
import io.latchkey.common.revocation.RevocationKind;
import io.latchkey.common.revocation.RevocationList;
import io.latchkey.testsupport.ContractJson;
import io.latchkey.testsupport.FreshDatabase;
import io.latchkey.token.Fixtures;
import io.latchkey.token.TokenServiceProfile;
import io.latchkey.token.seed.DemoClients;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.vertx.core.buffer.Buffer;

/**
 * Contract tests (docs/internal-api.md): each peer's record (oauth-common {@code contract}) against token-service's
 * real internal resources. Requests are the JSON the peer's record serializes to; answers are read back into the
 * peer's record, failing on an unknown or a missing member.
 */
@QuarkusTest
@TestProfile(TokenServiceProfile.class)
@QuarkusTestResource(FreshDatabase.class)
class InternalContractTest {

    private static RequestSpecification internal() {
        return given().header("X-Latchkey-Internal", Fixtures.INTERNAL_SECRET);
    }

    @Test
    void consentServicesClientLookupReadsEveryMemberTokenServiceSends() {
        String body = internal().get("/internal/clients/" + DemoClients.PARTNER_WEB)
                .then().statusCode(200).extract().asString();
        ClientInfo client = ContractJson.read(body, ClientInfo.class);
        assertEquals(DemoClients.PARTNER_WEB, client.clientId());
        assertTrue(client.isConfidential());
        assertTrue(client.registersRedirectUri("http://127.0.0.1:9090/callback"));
        assertFalse(client.firstParty());
    }

    /** The members of the wire format before the record (hand-written JSON), in the order it wrote them. */
    private static final List<String> REGISTRATION = List.of("client_id", "client_name", "redirect_uris", "grant_types",
            "response_types", "token_endpoint_auth_method", "scope", "client_uri", "logo_uri", "contacts", "owner",
            "operator", "disabled", "first_party", "client_id_issued_at");

    private static List<String> members(String json) throws Exception {
        List<String> names = new java.util.ArrayList<>();
        new ObjectMapper().readTree(json).fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void clientManagementAnswersAreTheRegistrationRecordWithRfc7591MembersInTheirOrder() throws Exception {
        String id = "contract-" + UUID.randomUUID().toString().substring(0, 8);
        String metadata = "{\"client_id\":\"" + id + "\",\"client_name\":\"Contract\","
                + "\"redirect_uris\":[\"https://contract.example/cb\"],\"grant_types\":[\"authorization_code\"],"
                + "\"token_endpoint_auth_method\":\"client_secret_basic\",\"scope\":\"profile\"}";
        String created = internal().contentType(ContentType.JSON).body(metadata).post("/internal/clients")
                .then().statusCode(201).header("Cache-Control", "no-store").extract().asString();
        // RFC 7591 §3.2.1: the secret is shown once, with client_secret_expires_at 0 (it does not expire)
        List<String> withSecret = new java.util.ArrayList<>(REGISTRATION);
        withSecret.addAll(List.of("client_secret", "client_secret_expires_at"));
        assertEquals(withSecret, members(created));
        ClientRegistration registration = new ObjectMapper().readValue(created, ClientRegistration.class);
        assertEquals(id, registration.clientId());
        assertEquals(0L, registration.clientSecretExpiresAt());
        assertEquals(List.of("code"), registration.responseTypes());
        assertEquals("profile", registration.scope());
        assertTrue(created.contains("\"logo_uri\":null,\"contacts\":[],\"owner\":null,\"operator\":false,"
                + "\"disabled\":false,\"first_party\":false,"), created);

        String shown = internal().get("/internal/clients/" + id + "/registration").then().statusCode(200)
                .extract().asString();
        assertEquals(REGISTRATION, members(shown));
        assertFalse(shown.contains("client_secret\""), "the secret is never shown again");

        String rotated = internal().post("/internal/clients/" + id + "/secret").then().statusCode(200)
                .extract().asString();
        assertEquals(withSecret.subList(0, withSecret.size()), members(rotated).subList(0, withSecret.size()));

        String page = internal().get("/internal/clients?limit=1").then().statusCode(200).extract().asString();
        assertEquals(List.of("clients", "next_cursor"), members(page));
        ClientRegistration.Page read = new ObjectMapper().readValue(page, ClientRegistration.Page.class);
        assertEquals(1, read.clients().size());
        assertEquals(REGISTRATION, members(new ObjectMapper().readTree(page).get("clients").get(0).toString()));
    }

    @Test
    void consentServicesCodeRequestIsIssuedACodeItReads() throws Exception {
        // RFC 7636 §4.2: a fresh S256 challenge (43 base64url characters) per request
        String challenge = (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "").substring(0, 43);
        CodeIssueRequest request = new CodeIssueRequest(DemoClients.PARTNER_WEB, "http://127.0.0.1:9090/callback",
                challenge, "S256", "user-" + UUID.randomUUID(), Fixtures.newGrantId(), "profile", null,
                new SessionInfo("contract-agent/1.0", "192.0.2.7", null));
        String sent = ContractJson.write(request);
        // the members docs/internal-api.md names, as consent-service sends them
        assertEquals(List.of("client_id", "redirect_uri", "code_challenge", "code_challenge_method", "subject",
                "grant_id", "scope", "identity", "session"), members(sent));
        String body = internal().contentType(ContentType.JSON).body(sent).post("/internal/codes")
                .then().statusCode(200).extract().asString();
        IssuedAuthorizationCode issued = ContractJson.read(body, IssuedAuthorizationCode.class);
        assertTrue(issued.code() != null && issued.code().length() >= 43, body);
    }

    @Test
    void deviceServicesMintRequestIsAnsweredWithAnRfc6749TokenResponse() throws Exception {
        TokenMintRequest request = new TokenMintRequest(DemoClients.CLI, "user-" + UUID.randomUUID(), "profile",
                Fixtures.newGrantId(), Fixtures.DEVICE_GRANT, null, new SessionInfo("curl/8.5.0", "192.0.2.8", null));
        String sent = ContractJson.write(request);
        // the members docs/internal-api.md names, as device-service sends them
        assertEquals(List.of("client_id", "subject", "scope", "grant_id", "grant_type", "identity", "session"),
                members(sent));
        String body = internal().contentType(ContentType.JSON).body(sent).post("/internal/tokens")
                .then().statusCode(200).extract().asString();
        // RFC 6749 §5.1: device-service passes this answer through to the device unchanged
        com.fasterxml.jackson.databind.JsonNode answer = new ObjectMapper().readTree(body);
        assertTrue(members(body).containsAll(List.of("access_token", "token_type", "expires_in")), body);
        assertEquals("Bearer", answer.get("token_type").asText());
        assertTrue(answer.get("expires_in").asLong() > 0, body);
    }

    @Test
    void deviceServicesAuthenticationIsAnsweredWithTheSameClientRecord() {
        String confidential = internal().contentType(ContentType.JSON)
                .body(ContractJson.write(new ClientAuthenticationRequest(DemoClients.PARTNER_WEB, DemoClients.PARTNER_WEB_SECRET)))
                .post("/internal/clients/authenticate").then().statusCode(200).extract().asString();
        assertEquals(DemoClients.PARTNER_WEB, ContractJson.read(confidential, ClientInfo.class).clientId());
        // a public client: the record's null secret is sent as null
        String cli = internal().contentType(ContentType.JSON)
                .body(ContractJson.write(new ClientAuthenticationRequest(DemoClients.CLI, null)))
                .post("/internal/clients/authenticate").then().statusCode(200).extract().asString();
        ClientInfo client = ContractJson.read(cli, ClientInfo.class);
        assertTrue(client.isPublic());
        assertTrue(client.allowsGrant(Fixtures.DEVICE_GRANT));
    }

    @Test
    void consentServicesIdTokenHintCheckReadsTheSubjectAndClient() {
        String subject = "user-" + UUID.randomUUID();
        String tokens = internal().contentType(ContentType.JSON)
                .body("{\"client_id\":\"" + DemoClients.CLI + "\",\"subject\":\"" + subject + "\",\"scope\":\"openid\","
                        + "\"grant_id\":\"" + Fixtures.newGrantId() + "\",\"grant_type\":\"" + Fixtures.DEVICE_GRANT + "\","
                        + "\"identity\":{\"auth_time\":1700000000,\"name\":\"Demo\",\"preferred_username\":\"demo\","
                        + "\"email\":\"demo@latchkey.dev\",\"email_verified\":false}}")
                .post("/internal/tokens").then().statusCode(200).extract().jsonPath().getString("id_token");
        String body = internal().contentType(ContentType.JSON)
                .body(ContractJson.write(new IdTokenHintCheck(tokens)))
                .post("/internal/id-token-hints").then().statusCode(200).extract().asString();
        assertEquals(new IdTokenHintSubject(subject, DemoClients.CLI), ContractJson.read(body, IdTokenHintSubject.class));
    }

    @Test
    void theGatewayReadsTheRevocationListAsTokenServiceWritesIt() {
        String grantId = Fixtures.newGrantId();
        internal().post("/internal/grants/" + grantId + "/revoke").then().statusCode(200);
        String body = internal().get("/internal/revocations").then().statusCode(200).extract().asString();
        RevocationList list = RevocationList.fromJson(Buffer.buffer(body));
        assertTrue(list.revocations().stream()
                        .anyMatch(e -> e.kind() == RevocationKind.GRANT && e.id().equals(grantId) && e.expiresAtMillis() > 0),
                "the revoked grant is in the list the gateway reads: " + body);
        // nothing the reader would skip or misread: the list it parses writes back to the same JSON
        assertEquals(new io.vertx.core.json.JsonObject(body), new io.vertx.core.json.JsonObject(list.toJson()));
        assertEquals(List.of("revocations"), List.copyOf(new io.vertx.core.json.JsonObject(body).fieldNames()));
    }
}
