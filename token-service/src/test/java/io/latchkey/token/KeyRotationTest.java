package io.latchkey.token;

import static io.latchkey.token.Fixtures.active;
import static io.latchkey.token.Fixtures.update;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;

import io.latchkey.testsupport.FreshDatabase;
import io.latchkey.token.jwt.SigningKeys;
import io.latchkey.token.seed.DemoClients;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Signing-key rotation: on demand (operator route) and scheduled; old keys verify until they retire. */
@QuarkusTest
@TestProfile(KeyRotationProfile.class)
@QuarkusTestResource(FreshDatabase.class)
@QuarkusTestResource(AuditReceiver.class)
class KeyRotationTest {

    @Inject
    SigningKeys keys;

    @Test
    void theRotationRouteNeedsAnOperatorTokenWithScopeAdmin() {
        given().post("/admin/keys/rotate").then().statusCode(401)
                .header("WWW-Authenticate", containsString("Bearer")).body("error", equalTo("invalid_token"));
        // a static bearer token is no longer anything: only the gateway's verified identity counts
        given().header("Authorization", "Bearer dev-admin-token").post("/admin/keys/rotate").then().statusCode(401);
        // identity headers without the gateway's proof are not believed
        given().header("X-Latchkey-Subject", "x").header("X-Latchkey-Client-Id", "x").header("X-Latchkey-Scope", "admin")
                .post("/admin/keys/rotate").then().statusCode(401);
        // RFC 6750 §3.1: a token without the admin scope is insufficient_scope
        Fixtures.operator("profile db:read").post("/admin/keys/rotate").then().statusCode(403)
                .body("error", equalTo("insufficient_scope"));
    }

    @Test
    void aTokenFromThePreviousKeyStillVerifiesAfterRotation() throws Exception {
        SignedJWT old = SignedJWT.parse(clientCredentialsToken());
        String oldKid = old.getHeader().getKeyID();

        String newKid = Fixtures.operator().post("/admin/keys/rotate")
                .then().statusCode(200).body("published_kids", hasItem(oldKid)).extract().path("active_kid");
        assertNotEquals(oldKid, newKid);

        JWKSet jwks = JWKSet.parse(given().get("/oauth/jwks").asString());
        assertNotNull(jwks.getKeyByKeyId(newKid), "the new key is published");
        ECKey oldKey = (ECKey) jwks.getKeyByKeyId(oldKid);
        assertNotNull(oldKey, "the previous key is still published");
        assertTrue(old.verify(new ECDSAVerifier(oldKey)), "a token it signed still verifies against the JWKS");
        assertTrue(active(old.serialize()), "and introspects as active");
        assertNotEquals(oldKid, SignedJWT.parse(clientCredentialsToken()).getHeader().getKeyID(), "new tokens use a new key");
    }

    @Test
    void aRetiredKeyLeavesTheJwksAndItsTokensBecomeInactive() throws Exception {
        SignedJWT old = SignedJWT.parse(clientCredentialsToken());
        String oldKid = old.getHeader().getKeyID();
        keys.rotate().await().indefinitely();
        given().get("/oauth/jwks").then().body("keys.kid", hasItem(oldKid));

        // as if access-ttl + 1 min had passed since the rotation
        update("UPDATE token.signing_keys SET retire_at = now() - interval '1 second' WHERE kid = ?", oldKid);
        keys.reload().await().indefinitely();

        given().get("/oauth/jwks").then().body("keys.kid", not(hasItem(oldKid)));
        assertFalse(active(old.serialize()));
    }

    @Test
    void theSchedulerRotatesAKeyOlderThanTheRotationInterval() throws Exception {
        String before = keys.current().kid();
        long deadline = System.currentTimeMillis() + 15_000;
        while (keys.current().kid().equals(before) && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        String after = keys.current().kid();
        assertNotEquals(before, after, "a new key took over within the interval plus one scheduler tick");
        given().get("/oauth/jwks").then().body("keys.kid", hasItems(before, after));
    }

    private static String clientCredentialsToken() {
        return given().auth().preemptive().basic(DemoClients.PARTNER_WEB, DemoClients.PARTNER_WEB_SECRET)
                .formParam("grant_type", "client_credentials").formParam("scope", "db:read")
                .post("/oauth/token").then().statusCode(200).extract().path("access_token");
    }
}
