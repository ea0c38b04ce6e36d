package io.latchkey.token.internal;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.latchkey.common.contract.ClientAuthenticationRequest;
import io.latchkey.common.contract.ClientInfo;
import io.latchkey.common.contract.IdTokenHintCheck;
import io.latchkey.common.contract.IdTokenHintSubject;
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
