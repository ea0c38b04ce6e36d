package io.latchkey.token;

import static io.latchkey.token.Fixtures.INTERNAL_SECRET;
import static io.latchkey.token.Fixtures.active;
import static io.latchkey.token.Fixtures.mint;
import static io.latchkey.token.Fixtures.refresh;
import static io.latchkey.token.Fixtures.revoke;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.nimbusds.jwt.SignedJWT;

import io.latchkey.common.revocation.RevocationKind;
import io.latchkey.common.revocation.RevocationList;
import io.latchkey.testsupport.FreshDatabase;
import io.latchkey.token.seed.DemoClients;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.keys.KeyScanArgs;
import io.quarkus.redis.datasource.pubsub.PubSubCommands;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.vertx.core.buffer.Buffer;

/**
 * Revocations live in PostgreSQL: wiping Redis (this run's key prefix only) brings nothing back, and revoking a
 * refresh token or reusing one cuts off the family's access tokens too (RFC 7009 §2.1, RFC 9700 §4.14.2).
 */
@QuarkusTest
@TestProfile(TokenServiceProfile.class)
@QuarkusTestResource(FreshDatabase.class)
class DurableRevocationTest {

    private static final String WEB = DemoClients.PARTNER_WEB;

    @Inject
    RedisDataSource redis;

    @ConfigProperty(name = "latchkey.redis.key-prefix")
    String prefix;

    @Test
    void revokedTokensGrantsAndFamiliesStayInactiveAfterRedisIsWiped() {
        String jtiRevoked = mint(WEB, "db:read").getString("access_token");
        revoke(WEB, jtiRevoked).then().statusCode(200);

        String grant = Fixtures.newGrantId();
        String ofGrant = mint(WEB, "db:read", grant).getString("access_token");
        given().header("X-Latchkey-Internal", INTERNAL_SECRET).post("/internal/grants/" + grant + "/revoke")
                .then().statusCode(200);

        JsonPath family = mint(WEB, "db:read");
        revoke(WEB, family.getString("refresh_token")).then().statusCode(200);
        String ofFamily = family.getString("access_token");

        String untouched = mint(WEB, "db:read").getString("access_token");
        assertTrue(wipeThisRunsRedisKeys() > 0, "the revocations had left keys in Redis");

        assertFalse(active(jtiRevoked), "RFC 7009 revoked access token");
        assertFalse(active(ofGrant), "access token of a revoked grant");
        assertFalse(active(ofFamily), "access token of a revoked refresh-token family");
        assertTrue(active(untouched));
    }

    @Test
    void revokingARefreshTokenCutsOffTheAccessTokensOfItsWholeFamily() {
        JsonPath first = mint(WEB, "db:read");
        JsonPath rotated = refresh(WEB, first.getString("refresh_token")).then().statusCode(200).extract().jsonPath();
        JsonPath otherFamily = mint(WEB, "db:read");
        assertTrue(active(first.getString("access_token")));
        assertTrue(active(rotated.getString("access_token")));

        revoke(WEB, rotated.getString("refresh_token")).then().statusCode(200);

        // RFC 7009 §2.1: the access tokens of the family (the first issue's and the rotation's) are revoked too
        assertFalse(active(first.getString("access_token")));
        assertFalse(active(rotated.getString("access_token")));
        assertTrue(active(otherFamily.getString("access_token")));
    }

    @Test
    void refreshTokenReuseCutsOffTheFamilysAccessTokens() throws Exception {
        JsonPath first = mint(WEB, "db:read");
        String old = first.getString("refresh_token");
        JsonPath rotated = refresh(WEB, old).then().statusCode(200).extract().jsonPath();
        BlockingQueue<String> published = new LinkedBlockingQueue<>();
        PubSubCommands.RedisSubscriber subscriber =
                redis.pubsub(String.class).subscribe(RevocationKind.FAMILY.channel(prefix), published::add);
        try {
            // RFC 9700 §4.14.2: the rotated token presented again is reuse
            refresh(WEB, old).then().statusCode(400).body("error", equalTo("invalid_grant"));

            String family = SignedJWT.parse(rotated.getString("access_token")).getJWTClaimsSet().getStringClaim("sid");
            String message = published.poll(5, TimeUnit.SECONDS);
            assertNotNull(message, "the family was published for the gateways");
            assertTrue(message.startsWith(family + " "), message);
        } finally {
            subscriber.unsubscribe();
        }
        assertFalse(active(first.getString("access_token")));
        assertFalse(active(rotated.getString("access_token")));
        refresh(WEB, rotated.getString("refresh_token")).then().statusCode(400).body("error", equalTo("invalid_grant"));
    }

    @Test
    void theInternalListHasEveryLiveRevocationWithItsExpiryAndNeedsTheInternalSecret() throws Exception {
        String at = mint(WEB, "db:read").getString("access_token");
        revoke(WEB, at).then().statusCode(200);
        String grant = Fixtures.newGrantId();
        given().header("X-Latchkey-Internal", INTERNAL_SECRET).post("/internal/grants/" + grant + "/revoke")
                .then().statusCode(200);
        JsonPath family = mint(WEB, "db:read");
        revoke(WEB, family.getString("refresh_token")).then().statusCode(200);
        wipeThisRunsRedisKeys();

        given().get("/internal/revocations").then().statusCode(401).body("error", equalTo("invalid_client"));
        String body = given().header("X-Latchkey-Internal", INTERNAL_SECRET).get("/internal/revocations")
                .then().statusCode(200).extract().asString();
        Map<String, RevocationList.Entry> byId = new java.util.HashMap<>();
        RevocationList.fromJson(Buffer.buffer(body)).revocations().forEach(e -> byId.put(e.id(), e));

        long now = System.currentTimeMillis();
        SignedJWT jwt = SignedJWT.parse(at);
        RevocationList.Entry jti = byId.get(jwt.getJWTClaimsSet().getJWTID());
        assertEquals(RevocationKind.JTI, jti.kind());
        // kept until the token's exp + 1 min (beyond any verifier's leeway)
        assertEquals(jwt.getJWTClaimsSet().getExpirationTime().getTime() + 60_000, jti.expiresAtMillis());
        RevocationList.Entry g = byId.get(grant);
        assertEquals(RevocationKind.GRANT, g.kind());
        assertTrue(g.expiresAtMillis() > now + 600_000 && g.expiresAtMillis() <= now + 660_000, "access-ttl + 1 min");
        String sid = SignedJWT.parse(family.getString("access_token")).getJWTClaimsSet().getStringClaim("sid");
        assertEquals(RevocationKind.FAMILY, byId.get(sid).kind());
    }

    @Test
    void accessTokensIssuedWithARefreshTokenNameItsFamilyAndOthersDoNot() throws Exception {
        JsonPath withRefresh = mint(WEB, "db:read");
        assertNotNull(SignedJWT.parse(withRefresh.getString("access_token")).getJWTClaimsSet().getStringClaim("sid"));
        String clientCredentials = Fixtures.as(WEB).formParam("grant_type", "client_credentials").formParam("scope", "db:read")
                .post("/oauth/token").then().statusCode(200).extract().path("access_token");
        assertEquals(null, SignedJWT.parse(clientCredentials).getJWTClaimsSet().getClaim("sid"));
    }

    /** Deletes every key of this run's prefix (SCAN + DEL; never FLUSHALL: the Redis is shared). */
    private int wipeThisRunsRedisKeys() {
        List<String> keys = new ArrayList<>();
        redis.key().scan(new KeyScanArgs().match(prefix + "*").count(1000)).toIterable().forEach(keys::add);
        if (!keys.isEmpty()) {
            redis.key().del(keys.toArray(String[]::new));
        }
        return keys.size();
    }
}
