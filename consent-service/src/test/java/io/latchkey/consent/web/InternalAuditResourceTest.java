package io.latchkey.consent.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.latchkey.consent.InternalServicesStub;
import io.latchkey.consent.TestUsers;
import io.latchkey.testsupport.FreshDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(FreshDatabase.class)
@QuarkusTestResource(InternalServicesStub.class)
class InternalAuditResourceTest {

    private static final String SECRET = InternalServicesStub.SECRET;

    @Test
    void aWellFormedEventIsStoredWithItsActorIpAndDetail() throws Exception {
        String clientId = "c-" + UUID.randomUUID();
        UUID user = UUID.randomUUID();
        given().header("X-Latchkey-Internal", SECRET).contentType("application/json")
                .body("{\"kind\":\"client.create\",\"actor\":\"latchkey-operator\",\"client_id\":\"" + clientId
                        + "\",\"user_id\":\"" + user + "\",\"ip\":\"203.0.113.9\",\"detail\":{\"grant_types\":[\"client_credentials\"]}}")
                .post("/internal/audit-events")
                .then().statusCode(204);
        List<Map<String, Object>> rows = TestUsers.query(
                "select action, actor, user_id, ip, detail from consent.audit_events where client_id = ?", clientId);
        assertEquals(1, rows.size());
        assertEquals("client.create", rows.get(0).get("action"));
        assertEquals("latchkey-operator", rows.get(0).get("actor"));
        assertEquals(user, rows.get(0).get("user_id"));
        assertEquals("203.0.113.9", rows.get(0).get("ip"));
        assertTrue(((String) rows.get(0).get("detail")).contains("client_credentials"));
    }

    @Test
    void nullOptionalFieldsAreAccepted() {
        given().header("X-Latchkey-Internal", SECRET).contentType("application/json")
                .body("{\"kind\":\"keys.rotate\",\"actor\":\"latchkey-operator\",\"client_id\":null,\"user_id\":null,\"ip\":null}")
                .post("/internal/audit-events")
                .then().statusCode(204);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "not json",
            "[]",
            "{}",
            "{\"actor\":\"op\"}",
            "{\"kind\":\"client.create\"}",
            "{\"kind\":\"Client Create\",\"actor\":\"op\"}",
            "{\"kind\":\"client.create\",\"actor\":\"op\",\"surprise\":1}",
            "{\"kind\":\"client.create\",\"kind\":\"client.delete\",\"actor\":\"op\"}",
            "{\"kind\":\"client.create\",\"actor\":7}",
            "{\"kind\":\"client.create\",\"actor\":\"has space\"}",
            "{\"kind\":\"client.create\",\"actor\":\"op\\u0000\"}",
            "{\"kind\":\"client.create\",\"actor\":\"op\",\"user_id\":\"not-a-uuid\"}",
            "{\"kind\":\"client.create\",\"actor\":\"op\",\"ip\":\"<script>\"}",
            "{\"kind\":\"client.create\",\"actor\":\"op\",\"detail\":\"a string\"}",
            "{\"kind\":\"client.create\",\"actor\":\"op\",\"detail\":[1]}"
    })
    void malformedEventsAreInvalidRequest(String body) {
        given().header("X-Latchkey-Internal", SECRET).contentType("application/json").body(body)
                .post("/internal/audit-events")
                .then().statusCode(400).body("error", equalTo("invalid_request"));
    }

    @Test
    void oversizedFieldsAndBodiesAreRefused() {
        String longActor = "a".repeat(201);
        given().header("X-Latchkey-Internal", SECRET).contentType("application/json")
                .body("{\"kind\":\"client.create\",\"actor\":\"" + longActor + "\"}")
                .post("/internal/audit-events").then().statusCode(400).body("error", equalTo("invalid_request"));
        String bigDetail = "{\"kind\":\"client.create\",\"actor\":\"op\",\"detail\":{\"x\":\"" + "y".repeat(5000) + "\"}}";
        given().header("X-Latchkey-Internal", SECRET).contentType("application/json").body(bigDetail)
                .post("/internal/audit-events").then().statusCode(400).body("error", equalTo("invalid_request"));
    }

    @Test
    void aWrongContentTypeIsInvalidRequest() {
        given().header("X-Latchkey-Internal", SECRET).contentType("application/x-www-form-urlencoded")
                .body("kind=client.create").post("/internal/audit-events")
                .then().statusCode(400).body("error", equalTo("invalid_request"));
    }

    @Test
    void callersWithoutTheInternalSecretAreRefused() {
        given().contentType("application/json").body("{\"kind\":\"client.create\",\"actor\":\"op\"}")
                .post("/internal/audit-events").then().statusCode(401).body("error", equalTo("invalid_client"));
        given().header("X-Latchkey-Identity", "dev-identity-secret-0123456789abcdef").contentType("application/json")
                .body("{\"kind\":\"client.create\",\"actor\":\"op\"}")
                .post("/internal/audit-events").then().statusCode(401);
    }
}
