package io.latchkey.token;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;

import io.latchkey.testsupport.FreshDatabase;
import io.latchkey.token.seed.DemoClients;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(TokenServiceProfile.class)
@QuarkusTestResource(FreshDatabase.class)
class TokenEndpointTest {

    @Test
    void confidentialClientGetsATokenWithClientCredentialsOverBasicAuth() {
        given().auth().preemptive().basic(DemoClients.PARTNER_WEB, DemoClients.PARTNER_WEB_SECRET)
                .formParam("grant_type", "client_credentials").formParam("scope", "db:read")
                .post("/oauth/token")
                .then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body("token_type", equalTo("Bearer"))
                .body("scope", equalTo("db:read"))
                .body("access_token", notNullValue())
                // RFC 6749 §4.4.3: no refresh token for client credentials
                .body("refresh_token", nullValue());
    }

    @Test
    void clientSecretPostIsAccepted() {
        given().formParam("grant_type", "client_credentials")
                .formParam("client_id", DemoClients.PARTNER_WEB).formParam("client_secret", DemoClients.PARTNER_WEB_SECRET)
                .post("/oauth/token")
                .then().statusCode(200).body("scope", equalTo("profile db:read db:write"));
    }

    @Test
    void wrongSecretIsInvalidClientWith401AndChallenge() {
        given().auth().preemptive().basic(DemoClients.PARTNER_WEB, "wrong")
                .formParam("grant_type", "client_credentials")
                .post("/oauth/token")
                .then().statusCode(401)
                .header("WWW-Authenticate", containsString("Basic"))
                .header("Cache-Control", "no-store")
                .body("error", equalTo("invalid_client"));
    }

    @Test
    void unknownClientIsInvalidClient() {
        given().formParam("grant_type", "client_credentials").formParam("client_id", "nobody")
                .post("/oauth/token")
                .then().statusCode(401).body("error", equalTo("invalid_client"));
    }

    @Test
    void twoAuthenticationMethodsAtOnceAreInvalidRequest() {
        given().auth().preemptive().basic(DemoClients.PARTNER_WEB, DemoClients.PARTNER_WEB_SECRET)
                .formParam("grant_type", "client_credentials").formParam("client_secret", DemoClients.PARTNER_WEB_SECRET)
                .post("/oauth/token")
                .then().statusCode(400).body("error", equalTo("invalid_request"));
    }

    @Test
    void publicClientCannotUseClientCredentials() {
        given().formParam("grant_type", "client_credentials").formParam("client_id", DemoClients.CLI)
                .post("/oauth/token")
                .then().statusCode(400).body("error", equalTo("unauthorized_client"));
    }

    @Test
    void confidentialClientNotRegisteredForClientCredentialsIsUnauthorizedClient() {
        Fixtures.confidentialClient("code-only-app", "code-only-secret-0123456789abcdef", false,
                "authorization_code", "refresh_token");
        given().auth().preemptive().basic("code-only-app", "code-only-secret-0123456789abcdef")
                .formParam("grant_type", "client_credentials")
                .post("/oauth/token")
                .then().statusCode(400).body("error", equalTo("unauthorized_client"));
    }

    @Test
    void disabledClientIsInvalidClient() {
        Fixtures.confidentialClient("disabled-app", "disabled-secret-0123456789abcdef", true, "client_credentials");
        given().auth().preemptive().basic("disabled-app", "disabled-secret-0123456789abcdef")
                .formParam("grant_type", "client_credentials")
                .post("/oauth/token")
                .then().statusCode(401).body("error", equalTo("invalid_client"));
    }

    @Test
    void clientCredentialsTokenIsForTheClientItselfWithoutAGrant() throws Exception {
        String token = given().auth().preemptive().basic(DemoClients.PARTNER_WEB, DemoClients.PARTNER_WEB_SECRET)
                .formParam("grant_type", "client_credentials").formParam("scope", "db:read")
                .post("/oauth/token").then().statusCode(200).extract().path("access_token");
        com.nimbusds.jwt.JWTClaimsSet claims = com.nimbusds.jwt.SignedJWT.parse(token).getJWTClaimsSet();
        // RFC 9068 §2.2: with no resource owner, sub is the client itself
        org.junit.jupiter.api.Assertions.assertEquals(DemoClients.PARTNER_WEB, claims.getSubject());
        org.junit.jupiter.api.Assertions.assertNull(claims.getClaim("gid"));
    }

    @Test
    void scopeBeyondRegistrationIsInvalidScope() {
        given().auth().preemptive().basic(DemoClients.PARTNER_WEB, DemoClients.PARTNER_WEB_SECRET)
                .formParam("grant_type", "client_credentials").formParam("scope", "db:read admin")
                .post("/oauth/token")
                .then().statusCode(400).body("error", equalTo("invalid_scope"));
    }

    @Test
    void unknownGrantTypeIsUnsupportedGrantType() {
        given().formParam("grant_type", "password").formParam("client_id", DemoClients.CLI)
                .post("/oauth/token")
                .then().statusCode(400).body("error", equalTo("unsupported_grant_type"));
    }

    @Test
    void repeatedParameterIsInvalidRequest() {
        given().formParam("grant_type", "client_credentials").formParam("grant_type", "client_credentials")
                .formParam("client_id", DemoClients.CLI)
                .post("/oauth/token")
                .then().statusCode(400).body("error", equalTo("invalid_request"));
    }

    @Test
    void missingGrantTypeIsInvalidRequest() {
        given().formParam("client_id", DemoClients.CLI)
                .post("/oauth/token")
                .then().statusCode(400).body("error", equalTo("invalid_request"));
    }

    @Test
    void jsonBodyIsInvalidRequestNotAServerError() {
        given().contentType("application/json").body("{\"grant_type\":\"client_credentials\"}")
                .post("/oauth/token")
                .then().statusCode(400).body("error", equalTo("invalid_request"));
    }

    @Test
    void unknownRouteIsJsonNotFound() {
        given().get("/nope").then().statusCode(404).body("error", equalTo("not_found"));
    }

    @Test
    void aPublicClientThatSendsASecretIsInvalidClient() {
        // RFC 6749 §2.1: a public client has no credentials; a secret means a misconfigured or impersonating caller
        given().formParam("grant_type", "client_credentials").formParam("client_id", DemoClients.CLI)
                .formParam("client_secret", "anything")
                .post("/oauth/token")
                .then().statusCode(401).body("error", equalTo("invalid_client"));
    }

    @Test
    void anAuthorizationSchemeOtherThanBasicIsInvalidClient() {
        // RFC 6749 §2.3: only the advertised methods authenticate a client
        given().header("Authorization", "Bearer abc").formParam("grant_type", "client_credentials")
                .formParam("client_id", DemoClients.PARTNER_WEB)
                .post("/oauth/token")
                .then().statusCode(401).body("error", equalTo("invalid_client"));
    }

    @Test
    void aFormClientIdThatContradictsBasicAuthIsInvalidRequest() {
        given().auth().preemptive().basic(DemoClients.PARTNER_WEB, DemoClients.PARTNER_WEB_SECRET)
                .formParam("grant_type", "client_credentials").formParam("client_id", DemoClients.CLI)
                .post("/oauth/token")
                .then().statusCode(400).body("error", equalTo("invalid_request"));
    }
}
