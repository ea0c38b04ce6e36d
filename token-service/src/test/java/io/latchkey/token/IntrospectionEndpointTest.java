package io.latchkey.token;

import static io.latchkey.token.Fixtures.active;
import static io.latchkey.token.Fixtures.hash;
import static io.latchkey.token.Fixtures.introspect;
import static io.latchkey.token.Fixtures.mint;
import static io.latchkey.token.Fixtures.refresh;
import static io.latchkey.token.Fixtures.update;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.aMapWithSize;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import io.latchkey.testsupport.FreshDatabase;
import io.latchkey.token.jwt.SigningKeys;
import io.latchkey.token.seed.DemoClients;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** RFC 7662 token introspection. */
@QuarkusTest
@TestProfile(TokenServiceProfile.class)
@QuarkusTestResource(FreshDatabase.class)
class IntrospectionEndpointTest {

    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    @Inject
    SigningKeys keys;

    @Test
    void aLiveAccessTokenIsActiveWithItsClaims() {
        String at = mint(DemoClients.CLI, "profile db:read").getString("access_token");
        introspect(at).then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body("active", equalTo(true))
                .body("scope", equalTo("profile db:read"))
                .body("client_id", equalTo(DemoClients.CLI))
                .body("sub", notNullValue())
                .body("exp", greaterThan((int) (System.currentTimeMillis() / 1000)))
                .body("iat", notNullValue())
                .body("iss", equalTo("http://localhost:8080"))
                .body("aud", equalTo("https://api.latchkey.dev"))
                .body("token_type", equalTo("Bearer"))
                .body("jti", notNullValue());
    }

    @Test
    void aLiveRefreshTokenIsActiveForItsOwnClientWithoutAnAudience() {
        String rt = mint(DemoClients.PARTNER_WEB, "db:read").getString("refresh_token");
        introspect(rt).then().statusCode(200)
                .body("active", equalTo(true))
                .body("scope", equalTo("db:read"))
                .body("client_id", equalTo(DemoClients.PARTNER_WEB))
                .body("sub", notNullValue())
                .body("exp", notNullValue())
                .body("iat", notNullValue())
                .body("iss", equalTo("http://localhost:8080"))
                .body("token_type", equalTo("refresh_token"))
                .body("aud", nullValue());
    }

    @Test
    void anotherClientLearnsNothingAboutAnAccessToken() {
        // RFC 7662 §4: partner-web is an authenticated confidential client, but neither the token's client nor a
        // client an operator allowed to introspect
        String at = mint(DemoClients.CLI, "profile db:read").getString("access_token");
        Fixtures.introspectAs(DemoClients.PARTNER_WEB, at).then().statusCode(200)
                .body("active", equalTo(false)).body("$", aMapWithSize(1));
    }

    @Test
    void theTokensOwnClientAndAnAllowedResourceServerSeeItActive() {
        String at = mint(DemoClients.PARTNER_WEB, "db:read").getString("access_token");
        Fixtures.introspectAs(DemoClients.PARTNER_WEB, at).then().statusCode(200)
                .body("active", equalTo(true)).body("client_id", equalTo(DemoClients.PARTNER_WEB));
        Fixtures.introspectAs(DemoClients.RESOURCE_SERVER, at).then().statusCode(200)
                .body("active", equalTo(true)).body("sub", notNullValue());
        // the permission is the operator's column (token.clients.may_introspect), not the demo client's name
        Fixtures.confidentialClient("rs-allowed", "rs-allowed-secret", false);
        update("UPDATE token.clients SET may_introspect = true WHERE client_id = ?", "rs-allowed");
        given().auth().preemptive().basic("rs-allowed", "rs-allowed-secret").formParam("token", at)
                .post("/oauth/introspect").then().statusCode(200).body("active", equalTo(true));
    }

    @Test
    void aTokenForAnotherAudienceOrNotYetValidIsInactiveAsAtTheGateway() {
        long now = System.currentTimeMillis() / 1000;
        String base = "\"iss\":\"http://localhost:8080\",\"sub\":\"u\",\"exp\":" + (now + 300) + ",\"iat\":" + now
                + ",\"client_id\":\"partner-web\"";
        // RFC 9068 §4: aud MUST name this resource server
        introspect(signWithOurKey("{" + base + ",\"aud\":\"https://other.example\",\"jti\":\"aud-1\"}"))
                .then().body("active", equalTo(false));
        // RFC 7519 §4.1.5: not before nbf (beyond the 10 s leeway)
        introspect(signWithOurKey("{" + base + ",\"aud\":\"https://api.latchkey.dev\",\"nbf\":" + (now + 60)
                + ",\"jti\":\"nbf-1\"}")).then().body("active", equalTo(false));
        // control: the same claims with our audience and no nbf are active
        introspect(signWithOurKey("{" + base + ",\"aud\":\"https://api.latchkey.dev\",\"jti\":\"ok-1\"}"))
                .then().body("active", equalTo(true));
    }

    @Test
    void anotherClientLearnsNothingAboutARefreshToken() {
        String rt = mint(DemoClients.CLI, "db:read").getString("refresh_token");
        introspect(rt).then().statusCode(200).body("active", equalTo(false)).body("$", aMapWithSize(1));
    }

    @Test
    void rotatedRevokedAndExpiredRefreshTokensAreInactive() {
        String rotated = mint(DemoClients.PARTNER_WEB, "db:read").getString("refresh_token");
        String successor = refresh(DemoClients.PARTNER_WEB, rotated).then().statusCode(200).extract().path("refresh_token");
        assertFalse(active(rotated));
        assertTrue(active(successor));

        Fixtures.revoke(DemoClients.PARTNER_WEB, successor).then().statusCode(200);
        assertFalse(active(successor));

        String expired = mint(DemoClients.PARTNER_WEB, "db:read").getString("refresh_token");
        update("UPDATE token.refresh_tokens SET idle_expires_at = now() - interval '1 second' WHERE token_hash = ?", hash(expired));
        assertFalse(active(expired));
    }

    @Test
    void theHintIsOnlyAHint() {
        String rt = mint(DemoClients.PARTNER_WEB, "db:read").getString("refresh_token");
        String at = mint(DemoClients.PARTNER_WEB, "db:read").getString("access_token");
        Fixtures.as(DemoClients.PARTNER_WEB).formParam("token", rt).formParam("token_type_hint", "access_token")
                .post("/oauth/introspect").then().statusCode(200).body("active", equalTo(true));
        Fixtures.as(DemoClients.PARTNER_WEB).formParam("token", at).formParam("token_type_hint", "refresh_token")
                .post("/oauth/introspect").then().statusCode(200).body("active", equalTo(true));
    }

    @Test
    void malformedTokensAreInactive() {
        for (String junk : new String[] {"not-a-token", "a.b.c", "eyJ.eyJ.sig", "...."}) {
            introspect(junk).then().statusCode(200).body("active", equalTo(false)).body("$", aMapWithSize(1));
        }
    }

    @Test
    void anExpiredAccessTokenIsInactive() {
        long now = System.currentTimeMillis() / 1000;
        // beyond the 10 s clock leeway (the gateway's rule too)
        String token = signWithOurKey("{\"iss\":\"http://localhost:8080\",\"sub\":\"u\",\"aud\":\"https://api.latchkey.dev\","
                + "\"exp\":" + (now - 11) + ",\"iat\":" + (now - 600) + ",\"jti\":\"expired-1\",\"client_id\":\"partner-web\"}");
        introspect(token).then().body("active", equalTo(false));
    }

    @Test
    void aTokenFromAnotherIssuerIsInactiveEvenWithOurSignature() {
        long now = System.currentTimeMillis() / 1000;
        String token = signWithOurKey("{\"iss\":\"https://evil.example\",\"sub\":\"u\",\"aud\":\"https://api.latchkey.dev\","
                + "\"exp\":" + (now + 300) + ",\"iat\":" + now + ",\"jti\":\"foreign-iss\",\"client_id\":\"partner-web\"}");
        introspect(token).then().body("active", equalTo(false));
        // and the same claims with our issuer are active: the check above failed on iss alone
        String ours = signWithOurKey("{\"iss\":\"http://localhost:8080\",\"sub\":\"u\",\"aud\":\"https://api.latchkey.dev\","
                + "\"exp\":" + (now + 300) + ",\"iat\":" + now + ",\"jti\":\"our-iss\",\"client_id\":\"partner-web\"}");
        introspect(ours).then().body("active", equalTo(true));
    }

    @Test
    void aTokenSignedWithAForeignKeyIsInactiveEvenUnderOurKid() throws Exception {
        long now = System.currentTimeMillis() / 1000;
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer("http://localhost:8080").subject("u")
                .audience("https://api.latchkey.dev").expirationTime(new java.util.Date((now + 300) * 1000))
                .issueTime(new java.util.Date(now * 1000)).jwtID("forged").claim("client_id", "partner-web").build();
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).type(new JOSEObjectType("at+jwt"))
                .keyID(keys.current().kid()).build(), claims);
        forged.sign(new ECDSASigner(new ECKeyGenerator(Curve.P_256).generate()));
        introspect(forged.serialize()).then().body("active", equalTo(false));
    }

    @Test
    void anUnsignedOrWronglyTypedTokenIsInactive() {
        long now = System.currentTimeMillis() / 1000;
        String payload = b64("{\"iss\":\"http://localhost:8080\",\"sub\":\"u\",\"exp\":" + (now + 300)
                + ",\"iat\":" + now + ",\"jti\":\"none\",\"client_id\":\"partner-web\"}");
        String none = b64("{\"alg\":\"none\",\"typ\":\"at+jwt\",\"kid\":\"" + keys.current().kid() + "\"}") + "." + payload + ".";
        introspect(none).then().body("active", equalTo(false));
        String hs = b64("{\"alg\":\"HS256\",\"typ\":\"at+jwt\",\"kid\":\"" + keys.current().kid() + "\"}") + "." + payload + ".c2ln";
        introspect(hs).then().body("active", equalTo(false));
    }

    @Test
    void aTokenSignedByUsButNotTypedAsAnAccessTokenIsInactive() throws Exception {
        long now = System.currentTimeMillis() / 1000;
        String claims = "{\"iss\":\"http://localhost:8080\",\"sub\":\"u\",\"aud\":\"https://api.latchkey.dev\","
                + "\"exp\":" + (now + 300) + ",\"iat\":" + now + ",\"jti\":\"typ-check\",\"client_id\":\"partner-web\"}";
        // RFC 9068 §4: a JWT without typ at+jwt (say, some other token signed by the same key) is not an access token
        String plainJwt = signWithHeader("{\"alg\":\"ES256\",\"typ\":\"JWT\",\"kid\":\"" + keys.current().kid() + "\"}", claims);
        introspect(plainJwt).then().body("active", equalTo(false));
        // control: the same claims and key with the at+jwt header are active
        introspect(signWithOurKey(claims)).then().body("active", equalTo(true));
    }

    @Test
    void introspectionRequiresClientAuthentication() {
        String at = mint(DemoClients.CLI, "db:read").getString("access_token");
        given().formParam("token", at).post("/oauth/introspect")
                .then().statusCode(401).header("WWW-Authenticate", containsString("Basic")).body("error", equalTo("invalid_client"));
        given().auth().preemptive().basic(DemoClients.PARTNER_WEB, "wrong").formParam("token", at).post("/oauth/introspect")
                .then().statusCode(401).body("error", equalTo("invalid_client"));
        // a public client's bare client_id authenticates nothing
        given().formParam("client_id", DemoClients.CLI).formParam("token", at).post("/oauth/introspect")
                .then().statusCode(401).body("error", equalTo("invalid_client"));
    }

    @Test
    void aMissingTokenIsInvalidRequest() {
        Fixtures.as(DemoClients.PARTNER_WEB).post("/oauth/introspect").then().statusCode(400).body("error", equalTo("invalid_request"));
    }

    private String signWithOurKey(String claimsJson) {
        return keys.current().sign(claimsJson.getBytes(StandardCharsets.UTF_8));
    }

    /** Signs with our current private key under a header of the test's choosing. */
    private String signWithHeader(String header, String claimsJson) throws Exception {
        java.lang.reflect.Method m = keys.current().getClass().getDeclaredMethod("privateKey");
        m.setAccessible(true);
        java.security.Signature sig = java.security.Signature.getInstance("SHA256withECDSAinP1363Format");
        sig.initSign((java.security.PrivateKey) m.invoke(keys.current()));
        String input = b64(header) + "." + b64(claimsJson);
        sig.update(input.getBytes(StandardCharsets.US_ASCII));
        return input + "." + B64URL.encodeToString(sig.sign());
    }

    private static String b64(String s) {
        return B64URL.encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
