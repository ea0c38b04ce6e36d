package io.latchkey.token;

import static io.latchkey.token.Fixtures.active;
import static io.latchkey.token.Fixtures.column;
import static io.latchkey.token.Fixtures.hash;
import static io.latchkey.token.Fixtures.mint;
import static io.latchkey.token.Fixtures.refresh;
import static io.latchkey.token.Fixtures.revoke;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.nimbusds.jwt.SignedJWT;

import io.latchkey.testsupport.FreshDatabase;
import io.latchkey.token.seed.DemoClients;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** RFC 7009 token revocation. */
@QuarkusTest
@TestProfile(TokenServiceProfile.class)
@QuarkusTestResource(FreshDatabase.class)
class RevocationEndpointTest {

    private static final String WEB = DemoClients.PARTNER_WEB;

    @Inject
    RedisDataSource redis;

    @ConfigProperty(name = "latchkey.redis.key-prefix")
    String prefix;

    @Test
    void revokingARefreshTokenRevokesItsWholeFamily() {
        String first = mint(WEB, "db:read").getString("refresh_token");
        String second = refresh(WEB, first).then().statusCode(200).extract().path("refresh_token");
        assertTrue(active(second));

        // the client revokes the rotated token it still had: the family goes, the live successor with it
        revoke(WEB, first).then().statusCode(200).header("Cache-Control", "no-store");

        assertFalse(active(second));
        refresh(WEB, second).then().statusCode(400).body("error", equalTo("invalid_grant"));
        assertEquals(List.of("revoked", "revoked"), column("SELECT revoked_reason FROM token.refresh_tokens WHERE family_id = "
                + "(SELECT family_id FROM token.refresh_tokens WHERE token_hash = ?)", hash(first)), "rows kept on record");
    }

    @Test
    void aPublicClientRevokesItsOwnRefreshTokenWithItsClientId() {
        String rt = mint(DemoClients.CLI, "db:read").getString("refresh_token");
        revoke(DemoClients.CLI, rt).then().statusCode(200);
        refresh(DemoClients.CLI, rt).then().statusCode(400).body("error", equalTo("invalid_grant"));
    }

    @Test
    void introspectionShowsAnAccessTokenActiveBeforeRevocationAndInactiveAfter() throws Exception {
        String at = mint(WEB, "db:read").getString("access_token");
        assertTrue(active(at));

        revoke(WEB, at).then().statusCode(200);

        assertFalse(active(at));
        // deny-listed until it would have expired (+1 min for the verifiers' clock leeway)
        String jti = SignedJWT.parse(at).getJWTClaimsSet().getJWTID();
        long ttl = redis.key().ttl(io.latchkey.token.revocation.DenyListStore.entryKey(prefix, "revoked-jti", jti));
        assertTrue(ttl > 600 && ttl <= 660, "TTL is the token's remaining lifetime + 1 min, was " + ttl);
    }

    @Test
    void aWrongHintStillRevokes() {
        String at = mint(WEB, "db:read").getString("access_token");
        String rt = mint(WEB, "db:read").getString("refresh_token");
        Fixtures.as(WEB).formParam("token", at).formParam("token_type_hint", "refresh_token").post("/oauth/revoke")
                .then().statusCode(200);
        Fixtures.as(WEB).formParam("token", rt).formParam("token_type_hint", "access_token").post("/oauth/revoke")
                .then().statusCode(200);
        assertFalse(active(at));
        assertFalse(active(rt));
    }

    @Test
    void unknownAndMalformedTokensGet200() {
        revoke(WEB, "no-such-token-no-such-token-no-such-token-x").then().statusCode(200);
        revoke(WEB, "a.b.c").then().statusCode(200);
        Fixtures.as(WEB).formParam("token", "whatever").formParam("token_type_hint", "something_else")
                .post("/oauth/revoke").then().statusCode(200);
    }

    @Test
    void anotherClientsTokensAreLeftAloneWithA200() {
        JsonTokens cli = JsonTokens.of(mint(DemoClients.CLI, "db:read"));
        revoke(WEB, cli.refresh()).then().statusCode(200);
        revoke(WEB, cli.access()).then().statusCode(200);
        assertTrue(active(cli.access()));
        refresh(DemoClients.CLI, cli.refresh()).then().statusCode(200);
    }

    @Test
    void revocationRequiresClientAuthentication() {
        String rt = mint(WEB, "db:read").getString("refresh_token");
        given().formParam("token", rt).post("/oauth/revoke").then().statusCode(401).body("error", equalTo("invalid_client"));
        given().auth().preemptive().basic(WEB, "wrong").formParam("token", rt).post("/oauth/revoke")
                .then().statusCode(401).body("error", equalTo("invalid_client"));
        assertTrue(active(rt));
    }

    @Test
    void aMissingTokenIsInvalidRequest() {
        Fixtures.as(WEB).post("/oauth/revoke").then().statusCode(400).body("error", equalTo("invalid_request"));
    }

    record JsonTokens(String access, String refresh) {
        static JsonTokens of(io.restassured.path.json.JsonPath p) {
            return new JsonTokens(p.getString("access_token"), p.getString("refresh_token"));
        }
    }
}
