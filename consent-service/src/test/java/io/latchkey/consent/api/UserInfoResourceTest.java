package io.latchkey.consent.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import io.latchkey.consent.Browser;
import io.latchkey.consent.InternalServicesStub;
import io.latchkey.consent.TestUsers;
import io.latchkey.testsupport.FreshDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/** OIDC Core §5.3 UserInfo behind the gateway: the claims each scope combination allows (§5.4). */
@QuarkusTest
@QuarkusTestResource(FreshDatabase.class)
@QuarkusTestResource(InternalServicesStub.class)
class UserInfoResourceTest {

    private static RequestSpecification fromGateway(String subject, String scope) {
        return given().header("X-Latchkey-Identity", Browser.GATEWAY_PROOF)
                .header("X-Latchkey-Subject", subject)
                .header("X-Latchkey-Client-Id", "partner-web")
                .header("X-Latchkey-Scope", scope);
    }

    @ParameterizedTest(name = "scope \"{0}\" over {1}")
    @CsvSource({
            "openid, GET, false, false",
            "openid, POST, false, false",
            "openid profile, GET, true, false",
            "openid email, GET, false, true",
            "openid profile email, GET, true, true",
            "openid profile email db:read, POST, true, true"})
    void eachScopeCombinationReleasesItsClaimsAndSubAlways(String scope, String method, boolean profile,
                                                          boolean email) throws Exception {
        String username = "ui-" + UUID.randomUUID() + "@latchkey.dev";
        UUID id = TestUsers.create(username, "pw", false);
        RequestSpecification r = fromGateway(id.toString(), scope);
        ValidatableResponse ok = ("GET".equals(method) ? r.get("/oauth/userinfo") : r.post("/oauth/userinfo"))
                .then().statusCode(200)
                .contentType(startsWith("application/json"))
                .header("Cache-Control", "no-store")
                .body("sub", equalTo(id.toString()));
        if (profile) {
            ok.body("name", equalTo("Test " + username)).body("preferred_username", equalTo(username));
        } else {
            ok.body("name", nullValue()).body("preferred_username", nullValue());
        }
        if (email) {
            ok.body("email", equalTo(username)).body("email_verified", equalTo(false));
        } else {
            ok.body("email", nullValue()).body("email_verified", nullValue());
        }
    }

    @Test
    void aTokenWithoutOpenidIsInsufficientScope() throws Exception {
        UUID id = TestUsers.create("ui-" + UUID.randomUUID() + "@latchkey.dev", "pw", false);
        // RFC 6750 §3.1: 403 insufficient_scope naming the scope needed
        fromGateway(id.toString(), "profile email").get("/oauth/userinfo").then().statusCode(403)
                .header("WWW-Authenticate", equalTo("Bearer error=\"insufficient_scope\", scope=\"openid\""))
                .body("error", equalTo("insufficient_scope"));
    }

    @Test
    void withoutTheGatewaysProofNothingIsBelieved() throws Exception {
        UUID id = TestUsers.create("ui-" + UUID.randomUUID() + "@latchkey.dev", "pw", false);
        given().header("X-Latchkey-Subject", id.toString()).header("X-Latchkey-Client-Id", "partner-web")
                .header("X-Latchkey-Scope", "openid profile")
                .get("/oauth/userinfo").then().statusCode(401)
                .header("WWW-Authenticate", startsWith("Bearer error=\"invalid_token\""))
                .body("error", equalTo("invalid_token"));
        // a repeated identity header is never guessed at
        fromGateway(id.toString(), "openid").header("X-Latchkey-Subject", id.toString())
                .get("/oauth/userinfo").then().statusCode(401);
    }

    @Test
    void aDisabledUnknownOrNonUserSubjectIsInvalidToken() throws Exception {
        UUID disabled = TestUsers.create("ui-" + UUID.randomUUID() + "@latchkey.dev", "pw", true);
        fromGateway(disabled.toString(), "openid").get("/oauth/userinfo").then().statusCode(401)
                .body("error", equalTo("invalid_token"));
        fromGateway(UUID.randomUUID().toString(), "openid").get("/oauth/userinfo").then().statusCode(401);
        fromGateway("partner-web", "openid").get("/oauth/userinfo").then().statusCode(401)
                .body("error", equalTo("invalid_token"));
    }

    @Test
    void onlyJsonIsOffered() throws Exception {
        UUID id = TestUsers.create("ui-" + UUID.randomUUID() + "@latchkey.dev", "pw", false);
        // OIDC Core §5.3.2: Latchkey does not sign UserInfo responses; asking only for a JWT is not acceptable
        fromGateway(id.toString(), "openid").accept("application/jwt").get("/oauth/userinfo").then()
                .statusCode(org.hamcrest.Matchers.anyOf(equalTo(400), equalTo(406)))
                .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("\"sub\"")));
        fromGateway(id.toString(), "openid").delete("/oauth/userinfo").then().statusCode(405);
    }
}
