package io.latchkey.consent.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.latchkey.common.contract.AuditEventReport;
import io.latchkey.common.contract.UserStatus;
import io.latchkey.consent.InternalServicesStub;
import io.latchkey.consent.TestUsers;
import io.latchkey.testsupport.ContractJson;
import io.latchkey.testsupport.FreshDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;

/**
 * Contract tests (docs/internal-api.md): each peer's record (oauth-common {@code contract}) against consent-service's
 * real internal resources. Requests are the JSON the peer writes; answers are read back into the peer's record,
 * failing on an unknown or a missing member.
 */
@QuarkusTest
@QuarkusTestResource(FreshDatabase.class)
@QuarkusTestResource(InternalServicesStub.class)
class InternalContractTest {

    @Test
    void deviceServicesUserStatusReadsEveryMemberConsentServiceSends() throws Exception {
        UUID id = TestUsers.create("contract-" + UUID.randomUUID() + "@example.test", "pw-123456", false);
        String body = given().header("X-Latchkey-Internal", InternalServicesStub.SECRET).get("/internal/users/" + id)
                .then().statusCode(200).extract().asString();
        assertEquals(new UserStatus(id.toString(), true), ContractJson.read(body, UserStatus.class));
    }

    @Test
    void tokenServicesAuditReportIsStoredAsWritten() throws Exception {
        String clientId = "contract-" + UUID.randomUUID();
        // exactly how token-service's AdminAudit writes it: Vert.x JSON of the record, detail a JsonObject's map
        AuditEventReport report = new AuditEventReport("client.disabled", "operator-1", clientId, null, "203.0.113.7",
                new JsonObject().put("reason", "contract").put("actor_client_id", "latchkey-operator").getMap());
        String sent = Json.encode(report);
        assertEquals(AuditEventReport.FIELDS, new JsonObject(sent).fieldNames(), "every member is sent, null or not");
        given().header("X-Latchkey-Internal", InternalServicesStub.SECRET).contentType("application/json").body(sent)
                .post("/internal/audit-events").then().statusCode(204);
        List<Map<String, Object>> rows = TestUsers.query(
                "select action, actor, ip, detail from consent.audit_events where client_id = ?", clientId);
        assertEquals(1, rows.size());
        assertEquals("client.disabled", rows.get(0).get("action"));
        assertEquals("operator-1", rows.get(0).get("actor"));
        assertEquals("203.0.113.7", rows.get(0).get("ip"));
        assertEquals(new JsonObject().put("reason", "contract").put("actor_client_id", "latchkey-operator"),
                new JsonObject((String) rows.get(0).get("detail")));
    }
}
