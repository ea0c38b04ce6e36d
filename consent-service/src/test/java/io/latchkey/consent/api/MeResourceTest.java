package io.latchkey.consent.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;

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
class MeResourceTest {

    private static RequestSpecification fromGateway(String subject, String scope) {
        return given().header("X-Latchkey-Identity", Browser.GATEWAY_PROOF)
                .header("X-Latchkey-Subject", subject)
                .header("X-Latchkey-Client-Id", "latchkey-cli")
                .header("X-Latchkey-Scope", scope)
                .header("X-Latchkey-Grant-Id", "g-42");
    }

    @Test
    void theGatewaysIdentityGetsTheUsersProfileTheAppAndTheScopes() throws Exception {
        String username = "me-" + UUID.randomUUID() + "@latchkey.dev";
        UUID id = TestUsers.create(username, "pw", false);

        fromGateway(id.toString(), "profile db:read").get("/api/v1/me").then().statusCode(200)
                .body("user.id", equalTo(id.toString()))
                .body("user.email", equalTo(username))
                .body("user.display_name", equalTo("Test " + username))
                .body("client.client_id", equalTo("latchkey-cli"))
                .body("client.client_name", equalTo("Latchkey CLI"))
                .body("scopes", hasItems("profile", "db:read"))
                .body("grant_id", equalTo("g-42"));
    }

    @Test
    void identityHeadersWithoutTheGatewaysIdentityProofAreNotBelieved() throws Exception {
        UUID id = TestUsers.create("me-" + UUID.randomUUID() + "@latchkey.dev", "pw", false);
        given().header("X-Latchkey-Subject", id.toString()).header("X-Latchkey-Client-Id", "latchkey-cli")
                .header("X-Latchkey-Scope", "profile")
                .get("/api/v1/me").then().statusCode(401)
                .header("WWW-Authenticate", startsWith("Bearer error=\"invalid_token\""))
                .body("error", equalTo("invalid_token"));
        fromGateway(id.toString(), "profile").header("X-Latchkey-Identity", "guess")
                .get("/api/v1/me").then().statusCode(401);
    }

    @Test
    void theInternalSecretIsNotAnIdentityProof() throws Exception {
        // three secrets, three jobs: whoever may call /internal/ routes still cannot speak for the gateway
        UUID id = TestUsers.create("me-" + UUID.randomUUID() + "@latchkey.dev", "pw", false);
        given().header("X-Latchkey-Internal", InternalServicesStub.SECRET)
                .header("X-Latchkey-Subject", id.toString()).header("X-Latchkey-Client-Id", "latchkey-cli")
                .header("X-Latchkey-Scope", "profile")
                .get("/api/v1/me").then().statusCode(401).body("error", equalTo("invalid_token"));
    }

    @Test
    void aTokenWithoutTheProfileScopeIsInsufficientScope() throws Exception {
        UUID id = TestUsers.create("me-" + UUID.randomUUID() + "@latchkey.dev", "pw", false);
        fromGateway(id.toString(), "db:read").get("/api/v1/me").then().statusCode(403)
                .body("error", equalTo("insufficient_scope"));
    }

    @Test
    void aSubjectThatIsNoActiveUserIsInvalidToken() throws Exception {
        fromGateway("partner-web", "profile").get("/api/v1/me").then().statusCode(401).body("error", equalTo("invalid_token"));
        fromGateway(UUID.randomUUID().toString(), "profile").get("/api/v1/me").then().statusCode(401);
        UUID disabled = TestUsers.create("off-" + UUID.randomUUID() + "@latchkey.dev", "pw", true);
        fromGateway(disabled.toString(), "profile").get("/api/v1/me").then().statusCode(401);
    }
}
