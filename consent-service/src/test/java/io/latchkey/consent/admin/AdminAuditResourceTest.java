package io.latchkey.consent.admin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.latchkey.consent.InternalServicesStub;
import io.latchkey.testsupport.FreshDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
@QuarkusTestResource(FreshDatabase.class)
@QuarkusTestResource(InternalServicesStub.class)
class AdminAuditResourceTest {

    private static void report(String kind, String clientId, UUID userId) {
        given().header("X-Latchkey-Internal", InternalServicesStub.SECRET).contentType("application/json")
                .body("{\"kind\":\"" + kind + "\",\"actor\":\"latchkey-operator\",\"client_id\":\"" + clientId
                        + "\",\"user_id\":" + (userId == null ? "null" : "\"" + userId + "\"")
                        + ",\"ip\":\"203.0.113.9\",\"detail\":{\"n\":1}}")
                .post("/internal/audit-events").then().statusCode(204);
    }

    @Test
    void eventsAreFilteredByClientUserAndKindNewestFirstAndPaginated() {
        String client = "audit-" + UUID.randomUUID();
        UUID user = UUID.randomUUID();
        Instant before = Instant.now().minusSeconds(1);
        report("client.create", client, null);
        report("client.disable", client, null);
        report("client.enable", client, user);

        AdminRequests.operator().queryParam("client_id", client).get("/admin/audit-events")
                .then().statusCode(200).body("events", hasSize(3))
                .body("events[0].kind", equalTo("client.enable"))
                .body("events[2].kind", equalTo("client.create"))
                .body("events[0].actor", equalTo("latchkey-operator"))
                .body("events[0].ip", equalTo("203.0.113.9"))
                .body("events[0].detail.n", equalTo(1))
                .body("next_cursor", nullValue());
        AdminRequests.operator().queryParam("client_id", client).queryParam("kind", "client.disable").get("/admin/audit-events")
                .then().statusCode(200).body("events", hasSize(1));
        AdminRequests.operator().queryParam("user_id", user.toString()).get("/admin/audit-events")
                .then().statusCode(200).body("events", hasSize(1)).body("events[0].kind", equalTo("client.enable"));
        AdminRequests.operator().queryParam("client_id", client).queryParam("since", before.toString())
                .queryParam("until", Instant.now().plusSeconds(60).toString()).get("/admin/audit-events")
                .then().statusCode(200).body("events", hasSize(3));
        AdminRequests.operator().queryParam("client_id", client).queryParam("until", before.toString()).get("/admin/audit-events")
                .then().statusCode(200).body("events", hasSize(0));

        Response first = AdminRequests.operator().queryParam("client_id", client).queryParam("limit", "2").get("/admin/audit-events");
        first.then().statusCode(200).body("events", hasSize(2)).body("next_cursor", notNullValue());
        AdminRequests.operator().queryParam("client_id", client).queryParam("limit", "2")
                .queryParam("cursor", (String) first.path("next_cursor")).get("/admin/audit-events")
                .then().statusCode(200).body("events", hasSize(1)).body("events[0].kind", equalTo("client.create"));
    }

    @Test
    void adminActionsOfThisServiceAreThemselvesAudited() {
        String email = "audited-" + UUID.randomUUID() + "@example.test";
        String id = AdminRequests.operator().contentType("application/json")
                .body("{\"email\":\"" + email + "\",\"display_name\":\"A\",\"password\":\"correct-horse-battery\"}")
                .post("/admin/users").then().statusCode(201).extract().path("id");
        AdminRequests.operator().queryParam("user_id", id).queryParam("kind", "user.create").get("/admin/audit-events")
                .then().statusCode(200).body("events", hasSize(1))
                .body("events[0].actor", equalTo(AdminRequests.OPERATOR_CLIENT))
                .body("events[0].ip", equalTo(AdminRequests.OPERATOR_IP))
                .body("events[0].at", notNullValue());
    }

    @ParameterizedTest
    @ValueSource(strings = {"user_id=nope", "kind=Not%20A%20Kind", "since=yesterday", "until=2030-13-01T00:00:00Z",
            "since=2030-01-02T00:00:00Z&until=2030-01-01T00:00:00Z", "limit=0", "cursor=YWJjLmRlZg", "client_id=a&client_id=b"})
    void malformedQueriesAreInvalidRequest(String query) {
        AdminRequests.operator().urlEncodingEnabled(false).get("/admin/audit-events?" + query)
                .then().statusCode(400).body("error", equalTo("invalid_request"));
    }

    @Test
    void unauthenticatedAndUnscopedCallersAreRefused() {
        given().get("/admin/audit-events").then().statusCode(401).body("error", equalTo("invalid_token"));
        AdminRequests.as("someone", "profile").get("/admin/audit-events")
                .then().statusCode(403).body("error", equalTo("insufficient_scope"));
    }
}
