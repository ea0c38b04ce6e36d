package io.latchkey.token;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import io.latchkey.testsupport.FreshDatabase;
import io.latchkey.token.seed.DemoClients;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * OpenID Connect Core 1.0 on the token side: ID Tokens from codes, device approvals and refreshes, checked with an
 * independent JOSE library (nimbus-jose-jwt) against the published JWKS; offline_access; the discovery document.
 */
@QuarkusTest
@TestProfile(TokenServiceProfile.class)
@QuarkusTestResource(FreshDatabase.class)
class OpenIdConnectTest {

    private static final String WEB_REDIRECT = "http://127.0.0.1:9090/callback";
    private static final String ISSUER = "http://localhost:8080";
    private static final long SIGNED_IN_AT = System.currentTimeMillis() / 1000 - 300;

    private static String identity(String nonce) {
        return "{\"auth_time\":" + SIGNED_IN_AT + (nonce == null ? "" : ",\"nonce\":\"" + nonce + "\"")
                + ",\"name\":\"Demo User\",\"preferred_username\":\"demo@latchkey.dev\","
                + "\"email\":\"demo@latchkey.dev\",\"email_verified\":false}";
    }

    private static Response issueCode(String clientId, String scope, String identityJson, String subject) {
        String body = "{\"client_id\":\"" + clientId + "\",\"redirect_uri\":\"" + WEB_REDIRECT + "\","
                + "\"subject\":\"" + subject + "\",\"grant_id\":\"" + Fixtures.newGrantId() + "\","
                + "\"scope\":\"" + scope + "\",\"identity\":" + identityJson + "}";
        return given().header("X-Latchkey-Internal", Fixtures.INTERNAL_SECRET).contentType(ContentType.JSON).body(body)
                .post("/internal/codes");
    }

    private static JsonPath codeFlow(String scope, String identityJson, String subject) {
        String code = issueCode(DemoClients.PARTNER_WEB, scope, identityJson, subject)
                .then().statusCode(200).extract().path("code");
        return Fixtures.as(DemoClients.PARTNER_WEB).formParam("grant_type", "authorization_code")
                .formParam("code", code).formParam("redirect_uri", WEB_REDIRECT)
                .post("/oauth/token").then().statusCode(200).extract().jsonPath();
    }

    /** The ID Token verified against the JWKS by nimbus: ES256, typ JWT, a kid that is published. */
    private static JWTClaimsSet verified(String idToken) throws Exception {
        SignedJWT jwt = SignedJWT.parse(idToken);
        assertEquals(JWSAlgorithm.ES256, jwt.getHeader().getAlgorithm());
        assertEquals(JOSEObjectType.JWT, jwt.getHeader().getType());
        JWKSet jwks = JWKSet.parse(given().get("/oauth/jwks").then().statusCode(200).extract().asString());
        ECKey key = (ECKey) jwks.getKeyByKeyId(jwt.getHeader().getKeyID());
        assertNotNull(key, "kid is in the JWKS");
        assertTrue(jwt.verify(new ECDSAVerifier(key)), "signature verifies against the JWKS");
        return jwt.getJWTClaimsSet();
    }

    /** OIDC Core §3.1.3.6: base64url of the left half of SHA-256 of the ASCII access token. */
    private static String atHash(String accessToken) throws Exception {
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(accessToken.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(hash, 16));
    }

    @Test
    void anOpenIdCodeGivesAnIdTokenVerifiedAgainstTheJwks() throws Exception {
        String subject = "user-" + UUID.randomUUID();
        JsonPath tokens = codeFlow("openid profile email db:read", identity("n-0S6_WzA2Mj"), subject);
        JWTClaimsSet id = verified(tokens.getString("id_token"));
        assertEquals(ISSUER, id.getIssuer());
        assertEquals(subject, id.getSubject());
        // OIDC Core §2: aud is the client
        assertEquals(List.of(DemoClients.PARTNER_WEB), id.getAudience());
        assertTrue(id.getExpirationTime().after(new Date()), "not expired");
        assertTrue(id.getIssueTime().getTime() / 1000 >= SIGNED_IN_AT);
        assertEquals(SIGNED_IN_AT, id.getLongClaim("auth_time"), "auth_time is the sign-in, not the mint");
        assertEquals("n-0S6_WzA2Mj", id.getStringClaim("nonce"), "nonce echoed exactly");
        assertEquals(atHash(tokens.getString("access_token")), id.getStringClaim("at_hash"));
        // OIDC Core §5.4: profile and email claims
        assertEquals("Demo User", id.getStringClaim("name"));
        assertEquals("demo@latchkey.dev", id.getStringClaim("preferred_username"));
        assertEquals("demo@latchkey.dev", id.getStringClaim("email"));
        assertEquals(Boolean.FALSE, id.getBooleanClaim("email_verified"));
        // the access token still is an access token (typ at+jwt), and the ID Token is not one
        assertEquals("at+jwt", SignedJWT.parse(tokens.getString("access_token")).getHeader().getType().toString());
    }

    @Test
    void openidAloneReleasesNoProfileOrEmailClaims() throws Exception {
        JWTClaimsSet id = verified(codeFlow("openid", identity(null), "user-1").getString("id_token"));
        assertNull(id.getClaim("name"));
        assertNull(id.getClaim("email"));
        assertNull(id.getClaim("nonce"), "no nonce sent, none in the token");
        JWTClaimsSet emailOnly = verified(codeFlow("openid email", identity(null), "user-1").getString("id_token"));
        assertNull(emailOnly.getClaim("name"));
        assertEquals("demo@latchkey.dev", emailOnly.getStringClaim("email"));
    }

    @Test
    void withoutOpenidThereIsNoIdToken() {
        JsonPath tokens = codeFlow("profile db:read", identity("n"), "user-2");
        assertNull(tokens.get("id_token"));
        assertNotNull(tokens.get("access_token"));
    }

    @Test
    void aRefreshReturnsANewIdTokenWithTheSameSubjectAudienceAndAuthTimeButNoNonce() throws Exception {
        String subject = "user-" + UUID.randomUUID();
        JsonPath first = codeFlow("openid profile db:read", identity("once"), subject);
        JsonPath refreshed = Fixtures.refresh(DemoClients.PARTNER_WEB, first.getString("refresh_token"))
                .then().statusCode(200).extract().jsonPath();
        JWTClaimsSet id = verified(refreshed.getString("id_token"));
        // OIDC Core §12.2: same iss, sub, aud, auth_time; no nonce; at_hash of the new access token
        assertEquals(ISSUER, id.getIssuer());
        assertEquals(subject, id.getSubject());
        assertEquals(List.of(DemoClients.PARTNER_WEB), id.getAudience());
        assertEquals(SIGNED_IN_AT, id.getLongClaim("auth_time"));
        assertNull(id.getClaim("nonce"));
        assertEquals(atHash(refreshed.getString("access_token")), id.getStringClaim("at_hash"));
        assertEquals("Demo User", id.getStringClaim("name"));
        // a refresh narrowed to drop openid gets no ID Token
        JsonPath narrowed = Fixtures.refresh(DemoClients.PARTNER_WEB, refreshed.getString("refresh_token"), "db:read")
                .then().statusCode(200).extract().jsonPath();
        assertNull(narrowed.get("id_token"));
    }

    @Test
    void theDeviceFlowMintGivesAnIdTokenForOpenid() throws Exception {
        String grantId = Fixtures.newGrantId();
        JsonPath tokens = given().header("X-Latchkey-Internal", Fixtures.INTERNAL_SECRET).contentType(ContentType.JSON)
                .body("{\"client_id\":\"" + DemoClients.CLI + "\",\"subject\":\"user-7\",\"scope\":\"openid profile\","
                        + "\"grant_id\":\"" + grantId + "\",\"grant_type\":\"" + Fixtures.DEVICE_GRANT + "\","
                        + "\"identity\":" + identity(null) + "}")
                .post("/internal/tokens").then().statusCode(200).extract().jsonPath();
        JWTClaimsSet id = verified(tokens.getString("id_token"));
        assertEquals(List.of(DemoClients.CLI), id.getAudience());
        assertEquals("user-7", id.getSubject());
        assertEquals(SIGNED_IN_AT, id.getLongClaim("auth_time"));
        assertEquals(atHash(tokens.getString("access_token")), id.getStringClaim("at_hash"));
    }

    @ParameterizedTest(name = "identity {0} is refused")
    @ValueSource(strings = {
            "{\"auth_time\":0}",
            "{\"auth_time\":-5}",
            "{\"auth_time\":1700000000,\"nonce\":\"a\\u0000b\"}",
            "{\"auth_time\":1700000000,\"nonce\":\"a\\nb\"}",
            "{\"auth_time\":\"soon\"}",
            "[1,2]"})
    void aMalformedIdentityGetsInvalidRequestNeverA5xx(String identityJson) {
        Response r = issueCode(DemoClients.PARTNER_WEB, "openid", identityJson, "user-3");
        assertTrue(r.statusCode() == 400, "status " + r.statusCode() + " " + r.asString());
    }

    @Test
    void anOverlongNonceIsRefused() {
        issueCode(DemoClients.PARTNER_WEB, "openid", identity("x".repeat(513)), "user-3")
                .then().statusCode(400).body("error", equalTo("invalid_request"));
        issueCode(DemoClients.PARTNER_WEB, "openid", identity("x".repeat(512)), "user-3").then().statusCode(200);
    }

    // ---- OIDC Core §11: offline_access ----

    @Test
    void aClientThatMustAskForOfflineAccessGetsARefreshTokenOnlyWhenItDoes() {
        Fixtures.confidentialClient("strict-offline", "strict-offline-secret-0123456789abcdef", false,
                Fixtures.DEVICE_GRANT, "refresh_token");
        Fixtures.update("UPDATE token.clients SET refresh_without_offline_access = false, "
                + "scopes = '{openid,profile,offline_access,db:read}' WHERE client_id = 'strict-offline'");
        JsonPath without = mintFor("strict-offline", "openid db:read");
        assertNull(without.get("refresh_token"), "no offline_access, no refresh token");
        JsonPath with = mintFor("strict-offline", "openid offline_access db:read");
        assertNotNull(with.get("refresh_token"));
        // the demo clients keep today's behaviour: a refresh token without asking
        assertNotNull(Fixtures.mint(DemoClients.CLI, "db:read").get("refresh_token"));
    }

    private static JsonPath mintFor(String clientId, String scope) {
        return given().header("X-Latchkey-Internal", Fixtures.INTERNAL_SECRET).contentType(ContentType.JSON)
                .body("{\"client_id\":\"" + clientId + "\",\"subject\":\"user-9\",\"scope\":\"" + scope + "\","
                        + "\"grant_id\":\"" + Fixtures.newGrantId() + "\",\"grant_type\":\"" + Fixtures.DEVICE_GRANT + "\"}")
                .post("/internal/tokens").then().statusCode(200).extract().jsonPath();
    }

    // ---- RP-Initiated Logout 1.0 §2: id_token_hint ----

    private static Response hint(String idToken) {
        return given().header("X-Latchkey-Internal", Fixtures.INTERNAL_SECRET).contentType(ContentType.JSON)
                .body(idToken == null ? "{}" : "{\"id_token_hint\":\"" + idToken + "\"}")
                .post("/internal/id-token-hints");
    }

    @Test
    void anIdTokenHintNamesItsUserAndClientAndNothingElseCounts() {
        String subject = "user-" + UUID.randomUUID();
        JsonPath tokens = codeFlow("openid", identity(null), subject);
        hint(tokens.getString("id_token")).then().statusCode(200)
                .body("subject", equalTo(subject)).body("client_id", equalTo(DemoClients.PARTNER_WEB));
        // an access token is not an ID Token (typ at+jwt), a tampered one does not verify, garbage is refused
        hint(tokens.getString("access_token")).then().statusCode(400).body("error", equalTo("invalid_request"));
        String id = tokens.getString("id_token");
        String tampered = id.substring(0, id.lastIndexOf('.') + 1) + "AAAA" + id.substring(id.lastIndexOf('.') + 5);
        hint(tampered).then().statusCode(400);
        for (String bad : new String[] {"x", "a.b.c", "eyJhbGciOiJub25lIn0.e30.", "x".repeat(9000)}) {
            hint(bad).then().statusCode(400).body("error", equalTo("invalid_request"));
        }
        hint(null).then().statusCode(400);
        given().contentType(ContentType.JSON).body("{\"id_token_hint\":\"" + id + "\"}")
                .post("/internal/id-token-hints").then().statusCode(401);
    }

    // ---- Discovery ----

    @Test
    void bothMetadataDocumentsAreTheSameDocumentWithTheSameIssuer() {
        Map<String, Object> oauth = given().get("/.well-known/oauth-authorization-server")
                .then().statusCode(200).extract().jsonPath().getMap("");
        Map<String, Object> openid = given().get("/.well-known/openid-configuration")
                .then().statusCode(200).extract().jsonPath().getMap("");
        assertEquals(oauth, openid);
        // Discovery §4.3: issuer identical to the URL the document was fetched under
        assertEquals(ISSUER, openid.get("issuer"));
        assertEquals(ISSUER + "/oauth/userinfo", openid.get("userinfo_endpoint"));
        assertEquals(List.of("public"), openid.get("subject_types_supported"));
        assertEquals(List.of("code"), openid.get("response_types_supported"));
        assertEquals(Boolean.FALSE, openid.get("claims_parameter_supported"));
        assertEquals(Boolean.FALSE, openid.get("request_uri_parameter_supported"));
        assertTrue(((List<?>) openid.get("scopes_supported")).containsAll(
                List.of("openid", "profile", "email", "offline_access")));
        assertTrue(((List<?>) openid.get("claims_supported")).containsAll(List.of("sub", "auth_time", "nonce", "email")));
        assertEquals(List.of("none", "login", "consent", "select_account"), openid.get("prompt_values_supported"));
    }

    @Test
    void theAdvertisedSigningAlgIsTheAlgOfEveryPublishedKey() throws Exception {
        List<String> algs = given().get("/.well-known/openid-configuration")
                .then().extract().jsonPath().getList("id_token_signing_alg_values_supported");
        JWKSet jwks = JWKSet.parse(given().get("/oauth/jwks").then().extract().asString());
        assertFalse(jwks.getKeys().isEmpty());
        jwks.getKeys().forEach(k -> assertTrue(algs.contains(k.getAlgorithm().getName()), k.getAlgorithm().getName()));
        // and an ID Token is signed with one of them
        String alg = SignedJWT.parse(codeFlow("openid", identity(null), "user-4").getString("id_token"))
                .getHeader().getAlgorithm().getName();
        assertTrue(algs.contains(alg));
    }

    @Test
    void metadataRoutesAnswerOnlyWhatTheyServe() {
        given().get("/.well-known/openid-configuration/extra").then().statusCode(404);
        given().post("/.well-known/openid-configuration").then().statusCode(405);
        given().get("/.well-known").then().statusCode(404).body("error", equalTo("not_found"));
        given().get("/.well-known/openid-configuration").then().header("Cache-Control", equalTo("public, max-age=300"))
                .body("end_session_endpoint", equalTo(ISSUER + "/oauth/logout"));
    }
}
