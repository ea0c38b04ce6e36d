package io.latchkey.consent.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.latchkey.consent.InternalServicesStub;
import io.latchkey.consent.TestUsers;
import io.latchkey.testsupport.FreshDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(FreshDatabase.class)
@QuarkusTestResource(InternalServicesStub.class)
class InternalUserResourceTest {

    private static final String SECRET = "dev-internal-secret";

    @Test
    void anActiveUserIsActive() throws Exception {
        UUID id = TestUsers.create("active-" + UUID.randomUUID() + "@example.test", "pw-123456", false);
        given().header("X-Latchkey-Internal", SECRET).get("/internal/users/" + id)
                .then().statusCode(200).body("active", equalTo(true)).body("user_id", equalTo(id.toString()));
    }

    @Test
    void aDisabledUserIsNotActive() throws Exception {
        UUID id = TestUsers.create("disabled-" + UUID.randomUUID() + "@example.test", "pw-123456", true);
        given().header("X-Latchkey-Internal", SECRET).get("/internal/users/" + id)
                .then().statusCode(200).body("active", equalTo(false));
    }

    @Test
    void anUnknownOrMalformedUserIsNotActive() {
        given().header("X-Latchkey-Internal", SECRET).get("/internal/users/" + UUID.randomUUID())
                .then().statusCode(200).body("active", equalTo(false));
        given().header("X-Latchkey-Internal", SECRET).get("/internal/users/not-a-uuid")
                .then().statusCode(200).body("active", equalTo(false));
    }

    @Test
    void callersWithoutTheInternalSecretAreRefused() {
        given().get("/internal/users/" + UUID.randomUUID()).then().statusCode(401).body("error", equalTo("invalid_client"));
    }
}
