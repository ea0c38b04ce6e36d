package io.latchkey.token;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;

import io.latchkey.testsupport.FreshDatabase;
import io.latchkey.token.seed.DemoClients;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

@QuarkusTest
@TestProfile(TokenServiceProfile.class)
@QuarkusTestResource(FreshDatabase.class)
class InternalApiTest {

    private static final String SECRET = "test-internal-secret";

    @Test
    void internalRoutesRefuseCallersWithoutTheSharedSecret() {
        given().get("/internal/clients/" + DemoClients.CLI).then().statusCode(401).body("error", equalTo("invalid_client"));
        given().header("X-Latchkey-Internal", "guess").get("/internal/clients/" + DemoClients.CLI).then().statusCode(401);
    }

    @Test
    void clientLookupNeverShowsTheSecret() {
        given().header("X-Latchkey-Internal", SECRET).get("/internal/clients/" + DemoClients.PARTNER_WEB)
                .then().statusCode(200)
                .body("client_name", equalTo("Acme Insights"))
                .body("client_type", equalTo("confidential"))
                .body("secret_hash", nullValue())
                .body("redirect_uris", hasItem("http://127.0.0.1:9090/callback"));
        given().header("X-Latchkey-Internal", SECRET).get("/internal/clients/unknown").then().statusCode(404);
    }

    @Test
    void clientViewSaysWhetherAnOperatorMarkedTheClientFirstParty() {
        given().header("X-Latchkey-Internal", SECRET).get("/internal/clients/" + DemoClients.PARTNER_NATIVE)
                .then().statusCode(200).body("client_type", equalTo("public")).body("first_party", equalTo(false));
        Fixtures.update("INSERT INTO token.clients (client_id, client_name, client_type, redirect_uris, grant_types, "
                + "scopes, first_party) VALUES ('own-desktop', 'Own Desktop', 'public', '{http://127.0.0.1/callback}', "
                + "'{authorization_code}', '{profile}', true) ON CONFLICT DO NOTHING");
        given().header("X-Latchkey-Internal", SECRET).get("/internal/clients/own-desktop")
                .then().statusCode(200).body("client_type", equalTo("public")).body("first_party", equalTo(true));
    }

    @Test
    void authenticateChecksTheSecret() {
        given().header("X-Latchkey-Internal", SECRET).contentType(ContentType.JSON)
                .body("{\"client_id\":\"partner-web\",\"client_secret\":\"" + DemoClients.PARTNER_WEB_SECRET + "\"}")
                .post("/internal/clients/authenticate").then().statusCode(200).body("client_id", equalTo("partner-web"));
        given().header("X-Latchkey-Internal", SECRET).contentType(ContentType.JSON)
                .body("{\"client_id\":\"partner-web\",\"client_secret\":\"nope\"}")
                .post("/internal/clients/authenticate").then().statusCode(401).body("error", equalTo("invalid_client"));
        // RFC 6749 §3.2.1: a confidential client must authenticate
        given().header("X-Latchkey-Internal", SECRET).contentType(ContentType.JSON)
                .body("{\"client_id\":\"partner-web\"}")
                .post("/internal/clients/authenticate").then().statusCode(401);
        given().header("X-Latchkey-Internal", SECRET).contentType(ContentType.JSON)
                .body("{\"client_id\":\"latchkey-cli\"}")
                .post("/internal/clients/authenticate").then().statusCode(200).body("client_type", equalTo("public"));
    }

    @Test
    void mintIssuesAccessAndRefreshTokensForARefreshingClient() {
        given().header("X-Latchkey-Internal", SECRET).contentType(ContentType.JSON)
                .body("{\"client_id\":\"latchkey-cli\",\"subject\":\"user-1\",\"scope\":\"db:read\",\"grant_id\":\"g-1\",\"grant_type\":\"urn:ietf:params:oauth:grant-type:device_code\"}")
                .post("/internal/tokens").then().statusCode(200)
                .body("access_token", notNullValue())
                .body("refresh_token", notNullValue())
                .body("token_type", equalTo("Bearer"))
                .body("scope", equalTo("db:read"));
    }

    @Test
    void mintRefusesAClientNotRegisteredForTheGrant() {
        given().header("X-Latchkey-Internal", SECRET).contentType(ContentType.JSON)
                .body("{\"client_id\":\"partner-native\",\"subject\":\"user-1\",\"scope\":\"db:read\",\"grant_id\":\"g-1\",\"grant_type\":\"urn:ietf:params:oauth:grant-type:device_code\"}")
                .post("/internal/tokens").then().statusCode(400).body("error", equalTo("unauthorized_client"));
    }
}
