package io.latchkey.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;

import io.restassured.path.json.JsonPath;

/** Refresh rotation, revocation, introspection, grant revocation and key rotation, through the gateway. */
@org.junit.jupiter.api.Order(3)
class TokenLifecycleE2ETest {

    static Platform platform;

    @BeforeAll
    static void platform() {
        platform = Platform.get();
    }

    @Test
    void aRefreshTokenRotatesAndItsReuseRevokesTheFamily() {
        String base = platform.baseUrl();
        String first = mint(Platform.CLI, "grant-" + UUID.randomUUID()).getString("refresh_token");
        String second = refresh(base, first).then().statusCode(200).extract().path("refresh_token");
        assertNotEquals(first, second);

        refresh(base, first).then().statusCode(400).body("error", equalTo("invalid_grant"));
        refresh(base, second).then().statusCode(400).body("error", equalTo("invalid_grant"));
    }

    @Test
    void aRevokedAccessTokenIntrospectsActiveBeforeAndInactiveAfter() {
        String base = platform.baseUrl();
        String accessToken = mint(Platform.CLI, "grant-" + UUID.randomUUID()).getString("access_token");
        introspect(base, accessToken).then().statusCode(200).body("active", equalTo(true))
                .body("client_id", equalTo(Platform.CLI)).body("iss", equalTo(base));

        // the CLI (a public client) revokes its own token with its client_id
        given().formParam("client_id", Platform.CLI).formParam("token", accessToken)
                .post(base + "/oauth/revoke").then().statusCode(200);

        introspect(base, accessToken).then().statusCode(200).body("active", equalTo(false));
    }

    @Test
    void revokingTheGrantCutsOffItsAccessAndRefreshTokens() {
        String base = platform.baseUrl();
        String grant = "grant-" + UUID.randomUUID();
        JsonPath tokens = mint(Platform.CLI, grant);
        introspect(base, tokens.getString("access_token")).then().body("active", equalTo(true));

        // what consent-service does when the user revokes the app
        given().header("X-Latchkey-Internal", Platform.INTERNAL_SECRET)
                .post(platform.token.url() + "/internal/grants/" + grant + "/revoke").then().statusCode(200);

        introspect(base, tokens.getString("access_token")).then().body("active", equalTo(false));
        refresh(base, tokens.getString("refresh_token")).then().statusCode(400).body("error", equalTo("invalid_grant"));
    }

    @Test
    void aTokenSignedBeforeAKeyRotationStillVerifiesThroughTheGateway() throws Exception {
        String base = platform.baseUrl();
        SignedJWT old = SignedJWT.parse(FoundationE2ETest.clientCredentialsToken(base));

        // the operator route: through the gateway, with an operator access token carrying scope admin
        given().post(base + "/admin/keys/rotate").then().statusCode(401);
        given().post(platform.token.url() + "/admin/keys/rotate").then().statusCode(401);
        given().header("Authorization", "Bearer " + platform.operatorToken())
                .post(base + "/admin/keys/rotate").then().statusCode(200)
                .body("published_kids", hasItem(old.getHeader().getKeyID()));

        JWKSet jwks = JWKSet.parse(given().get(base + "/oauth/jwks").then().statusCode(200).extract().asString());
        assertTrue(old.verify(new ECDSAVerifier((ECKey) jwks.getKeyByKeyId(old.getHeader().getKeyID()))));
        introspect(base, old.serialize()).then().body("active", equalTo(true));
        assertNotEquals(old.getHeader().getKeyID(),
                SignedJWT.parse(FoundationE2ETest.clientCredentialsToken(base)).getHeader().getKeyID());
    }

    @Test
    void theMetadataListsRevocationAndIntrospection() {
        String base = platform.baseUrl();
        given().get(base + "/.well-known/oauth-authorization-server").then().statusCode(200)
                .body("revocation_endpoint", equalTo(base + "/oauth/revoke"))
                .body("introspection_endpoint", equalTo(base + "/oauth/introspect"))
                .body("grant_types_supported", hasItem("refresh_token"));
    }

    /** Tokens for a grant, as device-service gets them from token-service after an approval. */
    private static JsonPath mint(String clientId, String grantId) {
        return given().header("X-Latchkey-Internal", Platform.INTERNAL_SECRET).contentType("application/json")
                .body("{\"client_id\":\"" + clientId + "\",\"subject\":\"00000000-0000-0000-0000-000000000001\","
                        + "\"scope\":\"db:read\",\"grant_id\":\"" + grantId + "\","
                        + "\"grant_type\":\"urn:ietf:params:oauth:grant-type:device_code\"}")
                .post(platform.token.url() + "/internal/tokens").then().statusCode(200).extract().jsonPath();
    }

    private static io.restassured.response.Response refresh(String base, String refreshToken) {
        return given().formParam("grant_type", "refresh_token").formParam("client_id", Platform.CLI)
                .formParam("refresh_token", refreshToken).post(base + "/oauth/token");
    }

    private static io.restassured.response.Response introspect(String base, String token) {
        return given().auth().preemptive().basic(Platform.RESOURCE_SERVER, Platform.RESOURCE_SERVER_SECRET)
                .formParam("token", token).post(base + "/oauth/introspect");
    }
}
