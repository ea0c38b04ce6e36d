package io.latchkey.token;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** RFC 6749 §4.1 with RFC 7636 PKCE: codes issued through the internal route, redeemed at the token endpoint. */
@QuarkusTest
@TestProfile(TokenServiceProfile.class)
@QuarkusTestResource(FreshDatabase.class)
class AuthorizationCodeGrantTest {

    private static final String SECRET = "test-internal-secret";
    private static final String WEB_REDIRECT = "http://127.0.0.1:9090/callback";
    private static final String NATIVE_REDIRECT = "http://127.0.0.1:53117/callback";

    @Inject
    RedisDataSource redis;

    @ConfigProperty(name = "latchkey.redis.key-prefix")
    String prefix;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    // ---- fixtures ----

    static String verifier() {
        byte[] b = new byte[32];
        new java.security.SecureRandom().nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    static String s256(String verifier) throws Exception {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    }

    static Response issue(String clientId, String redirectUri, String challenge, String method, String scope) {
        String body = "{\"client_id\":" + json(clientId) + ",\"redirect_uri\":" + json(redirectUri)
                + ",\"code_challenge\":" + json(challenge) + ",\"code_challenge_method\":" + json(method)
                + ",\"subject\":\"user-42\",\"grant_id\":\"grant-" + UUID.randomUUID() + "\",\"scope\":" + json(scope) + "}";
        return given().header("X-Latchkey-Internal", SECRET).contentType(ContentType.JSON).body(body)
                .post("/internal/codes");
    }

    static String webCode() {
        return issue(DemoClients.PARTNER_WEB, WEB_REDIRECT, null, null, "profile db:read")
                .then().statusCode(200).extract().path("code");
    }

    static String nativeCode(String challenge) {
        return issue(DemoClients.PARTNER_NATIVE, NATIVE_REDIRECT, challenge, "S256", "db:read")
                .then().statusCode(200).extract().path("code");
    }

    static RequestSpecification web() {
        return given().auth().preemptive().basic(DemoClients.PARTNER_WEB, DemoClients.PARTNER_WEB_SECRET)
                .formParam("grant_type", "authorization_code");
    }

    static RequestSpecification nativeApp() {
        return given().formParam("grant_type", "authorization_code").formParam("client_id", DemoClients.PARTNER_NATIVE);
    }

    private static String json(String s) {
        return s == null ? "null" : "\"" + s + "\"";
    }

    // ---- issuing codes ----

    @Test
    void codesAreStoredOnlyAsTheirSha256WithTheConfiguredTtl() throws Exception {
        String code = webCode();
        assertTrue(code.length() >= 43, "256 random bits");
        String hashKey = prefix + "code:" + HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.UTF_8)));
        assertTrue(redis.key().exists(hashKey));
        long ttl = redis.key().pttl(hashKey);
        assertTrue(ttl > 0 && ttl <= 60_000, "ttl " + ttl);
        for (String key : redis.key().keys(prefix + "*")) {
            assertFalse(key.contains(code), "no key holds the raw code");
            if (key.startsWith(prefix + "code:")) {
                assertFalse(redis.hash(String.class).hgetall(key).containsValue(code), "no record holds the raw code");
            }
        }
    }

    @Test
    void internalCodeRouteRefusesCallersWithoutTheSharedSecret() {
        given().contentType(ContentType.JSON).body("{}").post("/internal/codes")
                .then().statusCode(401).body("error", equalTo("invalid_client"));
    }

    @Test
    void aMalformedS256ChallengeGetsNoCode() {
        // RFC 7636 §4.2: an S256 challenge is BASE64URL(SHA256(verifier)): 43 characters of the base64url alphabet
        for (String challenge : new String[] {"too-short", "x".repeat(42) + "=", "x".repeat(42) + "+"}) {
            issue(DemoClients.PARTNER_NATIVE, NATIVE_REDIRECT, challenge, "S256", "db:read")
                    .then().statusCode(400).body("error", equalTo("invalid_request"));
        }
    }

    @Test
    void publicClientWithoutAChallengeGetsNoCode() {
        issue(DemoClients.PARTNER_NATIVE, NATIVE_REDIRECT, null, null, "db:read")
                .then().statusCode(400).body("error", equalTo("invalid_request"));
    }

    @Test
    void plainChallengeMethodIsRefused() throws Exception {
        issue(DemoClients.PARTNER_NATIVE, NATIVE_REDIRECT, s256(verifier()), "plain", "db:read")
                .then().statusCode(400).body("error", equalTo("invalid_request"));
        issue(DemoClients.PARTNER_NATIVE, NATIVE_REDIRECT, s256(verifier()), null, "db:read")
                .then().statusCode(400).body("error", equalTo("invalid_request"));
    }

    @Test
    void unregisteredRedirectUriGetsNoCode() {
        issue(DemoClients.PARTNER_WEB, "http://127.0.0.1:9091/callback", null, null, "db:read")
                .then().statusCode(400).body("error", equalTo("invalid_request"));
        issue(DemoClients.PARTNER_NATIVE, "http://127.0.0.1:5000/other", null, null, "db:read")
                .then().statusCode(400).body("error", equalTo("invalid_request"));
    }

    @Test
    void nativeLoopbackRedirectMayUseAnyPortButNothingElseMayVary() throws Exception {
        issue(DemoClients.PARTNER_NATIVE, "http://127.0.0.1:61001/callback", s256(verifier()), "S256", "db:read")
                .then().statusCode(200);
        issue(DemoClients.PARTNER_NATIVE, "http://localhost:61001/callback", s256(verifier()), "S256", "db:read")
                .then().statusCode(400);
        // a confidential client's redirect URI is compared exactly, port included
        issue(DemoClients.PARTNER_WEB, "http://127.0.0.1:9099/callback", null, null, "db:read").then().statusCode(400);
    }

    @Test
    void scopeBeyondTheClientsRegistrationGetsNoCode() {
        issue(DemoClients.PARTNER_WEB, WEB_REDIRECT, null, null, "db:read admin")
                .then().statusCode(400).body("error", equalTo("invalid_scope"));
    }

    @Test
    void clientNotRegisteredForTheCodeGrantGetsNoCode() {
        issue(DemoClients.CLI, WEB_REDIRECT, null, null, "db:read")
                .then().statusCode(400).body("error", equalTo("unauthorized_client"));
    }

    @Test
    void aChallengeSeenBeforeIsRefused() throws Exception {
        String challenge = s256(verifier());
        issue(DemoClients.PARTNER_NATIVE, NATIVE_REDIRECT, challenge, "S256", "db:read").then().statusCode(200);
        issue(DemoClients.PARTNER_NATIVE, NATIVE_REDIRECT, challenge, "S256", "db:read")
                .then().statusCode(400).body("error", equalTo("invalid_request"));
    }

    // ---- redeeming codes ----

    @Test
    void confidentialClientExchangesItsCodeForAnRfc9068TokenAndARefreshToken() throws Exception {
        String code = webCode();
        String token = web().formParam("code", code).formParam("redirect_uri", WEB_REDIRECT)
                .post("/oauth/token")
                .then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body("token_type", equalTo("Bearer"))
                .body("expires_in", equalTo(600))
                .body("scope", equalTo("profile db:read"))
                .body("refresh_token", notNullValue())
                .extract().path("access_token");
        SignedJWT jwt = SignedJWT.parse(token);
        assertEquals("at+jwt", jwt.getHeader().getType().getType());
        assertEquals("user-42", jwt.getJWTClaimsSet().getSubject());
        assertEquals(DemoClients.PARTNER_WEB, jwt.getJWTClaimsSet().getStringClaim("client_id"));
        assertNotNull(jwt.getJWTClaimsSet().getStringClaim("gid"));
    }

    @Test
    void publicClientExchangesItsCodeWithTheMatchingVerifier() throws Exception {
        String verifier = verifier();
        String code = nativeCode(s256(verifier));
        nativeApp().formParam("code", code).formParam("redirect_uri", NATIVE_REDIRECT)
                .formParam("code_verifier", verifier)
                .post("/oauth/token")
                .then().statusCode(200).body("scope", equalTo("db:read")).body("refresh_token", notNullValue());
    }

    @Test
    void missingVerifierIsInvalidGrant() throws Exception {
        String code = nativeCode(s256(verifier()));
        nativeApp().formParam("code", code).formParam("redirect_uri", NATIVE_REDIRECT)
                .post("/oauth/token").then().statusCode(400).body("error", equalTo("invalid_grant"));
    }

    @Test
    void wrongVerifierIsInvalidGrant() throws Exception {
        String code = nativeCode(s256(verifier()));
        nativeApp().formParam("code", code).formParam("redirect_uri", NATIVE_REDIRECT)
                .formParam("code_verifier", verifier())
                .post("/oauth/token").then().statusCode(400).body("error", equalTo("invalid_grant"));
    }

    @Test
    void malformedVerifierIsInvalidGrant() throws Exception {
        String verifier = "short";
        String code = nativeCode(s256(verifier));
        nativeApp().formParam("code", code).formParam("redirect_uri", NATIVE_REDIRECT)
                .formParam("code_verifier", verifier)
                .post("/oauth/token").then().statusCode(400).body("error", equalTo("invalid_grant"));
    }

    @Test
    void verifierForACodeIssuedWithoutAChallengeIsRefusedAsADowngrade() {
        String code = webCode();
        web().formParam("code", code).formParam("redirect_uri", WEB_REDIRECT).formParam("code_verifier", verifier())
                .post("/oauth/token").then().statusCode(400).body("error", equalTo("invalid_grant"));
    }

    @Test
    void confidentialClientWithPkceMustPresentTheVerifier() throws Exception {
        String verifier = verifier();
        String code = issue(DemoClients.PARTNER_WEB, WEB_REDIRECT, s256(verifier), "S256", "db:read")
                .then().statusCode(200).extract().path("code");
        web().formParam("code", code).formParam("redirect_uri", WEB_REDIRECT).formParam("code_verifier", verifier)
                .post("/oauth/token").then().statusCode(200);
    }

    @Test
    void redirectUriDifferentFromTheRequestsIsInvalidGrant() {
        String code = webCode();
        web().formParam("code", code).formParam("redirect_uri", "http://127.0.0.1:9090/other")
                .post("/oauth/token").then().statusCode(400).body("error", equalTo("invalid_grant"));
    }

    @Test
    void missingRedirectUriIsInvalidRequest() {
        web().formParam("code", webCode()).post("/oauth/token")
                .then().statusCode(400).body("error", equalTo("invalid_request"));
    }

    @Test
    void codeIssuedToAnotherClientIsInvalidGrant() throws Exception {
        String verifier = verifier();
        String nativeCode = nativeCode(s256(verifier));
        web().formParam("code", nativeCode).formParam("redirect_uri", NATIVE_REDIRECT).formParam("code_verifier", verifier)
                .post("/oauth/token").then().statusCode(400).body("error", equalTo("invalid_grant"));
    }

    @Test
    void unknownCodeIsInvalidGrant() {
        web().formParam("code", "never-issued").formParam("redirect_uri", WEB_REDIRECT)
                .post("/oauth/token").then().statusCode(400).body("error", equalTo("invalid_grant"));
    }

    @Test
    void confidentialClientWithAWrongSecretCannotRedeem() {
        given().auth().preemptive().basic(DemoClients.PARTNER_WEB, "wrong")
                .formParam("grant_type", "authorization_code").formParam("code", webCode())
                .formParam("redirect_uri", WEB_REDIRECT)
                .post("/oauth/token").then().statusCode(401).body("error", equalTo("invalid_client"));
    }

    @Test
    void secondRedemptionFailsAndRevokesTheTokensOfTheFirst() throws Exception {
        String code = webCode();
        Response first = web().formParam("code", code).formParam("redirect_uri", WEB_REDIRECT).post("/oauth/token");
        first.then().statusCode(200);
        String refresh = first.path("refresh_token");
        String jti = SignedJWT.parse(first.<String>path("access_token")).getJWTClaimsSet().getJWTID();
        assertNull(revokedAt(refresh));
        assertFalse(redis.key().exists(io.latchkey.token.revocation.DenyListStore.entryKey(prefix, "revoked-jti", jti)));

        web().formParam("code", code).formParam("redirect_uri", WEB_REDIRECT).post("/oauth/token")
                .then().statusCode(400).body("error", equalTo("invalid_grant"));

        // RFC 6749 §4.1.2: the refresh family and the access token of the first redemption are revoked
        assertNotNull(revokedAt(refresh));
        String denyKey = io.latchkey.token.revocation.DenyListStore.entryKey(prefix, "revoked-jti", jti);
        assertTrue(redis.key().exists(denyKey));
        long ttl = redis.key().ttl(denyKey);
        assertTrue(ttl > 0 && ttl <= 660, "deny-list entry lives as long as the token could (+1 min): " + ttl);
    }

    @Test
    void racingRedemptionsNeverGetTwoTokenResponses() throws Exception {
        String code = webCode();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(() -> web().formParam("code", code).formParam("redirect_uri", WEB_REDIRECT)
                        .post("/oauth/token").statusCode());
            }
            int ok = 0;
            int refused = 0;
            for (Future<Integer> f : pool.invokeAll(calls)) {
                int status = f.get();
                ok += status == 200 ? 1 : 0;
                refused += status == 400 ? 1 : 0;
            }
            // RFC 6749 §4.1.2: single use, and a code used twice revokes what it issued, so under a race at most one
            // redemption keeps its tokens (none, when the replay lands while the first is still minting)
            assertTrue(ok <= 1, "at most one redemption succeeds: " + ok);
            // and every other one is a clean refusal, not a server error
            assertEquals(8, ok + refused, "each redemption is answered 200 or 400 invalid_grant");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFailedRedemptionUsesTheCodeUp() throws Exception {
        String verifier = verifier();
        String code = nativeCode(s256(verifier));
        nativeApp().formParam("code", code).formParam("redirect_uri", NATIVE_REDIRECT).formParam("code_verifier", verifier())
                .post("/oauth/token").then().statusCode(400);
        nativeApp().formParam("code", code).formParam("redirect_uri", NATIVE_REDIRECT).formParam("code_verifier", verifier)
                .post("/oauth/token").then().statusCode(400).body("error", equalTo("invalid_grant"));
    }

    private String revokedAt(String refreshToken) throws Exception {
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(refreshToken.getBytes(StandardCharsets.UTF_8));
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "");
             PreparedStatement s = c.prepareStatement("SELECT revoked_at FROM token.refresh_tokens WHERE token_hash = ?")) {
            s.setBytes(1, hash);
            try (ResultSet rs = s.executeQuery()) {
                assertTrue(rs.next(), "the refresh token is stored (by hash)");
                return rs.getString(1);
            }
        }
    }
}
