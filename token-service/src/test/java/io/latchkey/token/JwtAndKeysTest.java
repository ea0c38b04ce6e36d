package io.latchkey.token;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.Date;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import io.latchkey.testsupport.FreshDatabase;
import io.latchkey.token.jwt.SigningKeys;
import io.latchkey.token.seed.DemoClients;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(TokenServiceProfile.class)
@QuarkusTestResource(FreshDatabase.class)
class JwtAndKeysTest {

    @Inject
    SigningKeys keys;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @Test
    void metadataListsWhatIsImplemented() {
        given().get("/.well-known/oauth-authorization-server")
                .then().statusCode(200)
                .body("issuer", equalTo("http://localhost:8080"))
                .body("token_endpoint", equalTo("http://localhost:8080/oauth/token"))
                .body("jwks_uri", equalTo("http://localhost:8080/oauth/jwks"))
                .body("device_authorization_endpoint", equalTo("http://localhost:8080/oauth/device_authorization"))
                .body("authorization_endpoint", equalTo("http://localhost:8080/oauth/authorize"))
                // RFC 9700 §2.1.2: no implicit grant, code only
                .body("response_types_supported", equalTo(java.util.List.of("code")))
                // RFC 9700 §2.4: no password grant; exactly what is implemented
                .body("grant_types_supported", containsInAnyOrder("authorization_code",
                        "urn:ietf:params:oauth:grant-type:device_code", "client_credentials", "refresh_token"))
                // RFC 9700 §2.1.1: S256 only, advertised
                .body("code_challenge_methods_supported", equalTo(java.util.List.of("S256")))
                // RFC 9207 §3
                .body("authorization_response_iss_parameter_supported", equalTo(true))
                .body("token_endpoint_auth_methods_supported", hasItems("client_secret_basic", "client_secret_post", "none"))
                .body("revocation_endpoint", equalTo("http://localhost:8080/oauth/revoke"))
                .body("revocation_endpoint_auth_methods_supported",
                        containsInAnyOrder("client_secret_basic", "client_secret_post", "none"))
                .body("introspection_endpoint", equalTo("http://localhost:8080/oauth/introspect"))
                .body("introspection_endpoint_auth_methods_supported",
                        containsInAnyOrder("client_secret_basic", "client_secret_post"));
    }

    @Test
    void jwksPublishesTheSigningKeyWithoutPrivateParts() {
        given().get("/oauth/jwks")
                .then().statusCode(200)
                .body("keys.kid", hasItem(keys.current().kid()))
                .body("keys.kty", everyItem(equalTo("EC")))
                .body("keys.crv", everyItem(equalTo("P-256")))
                .body("keys.alg", everyItem(equalTo("ES256")))
                .body("keys.use", everyItem(equalTo("sig")))
                // a JWKS never carries the private scalar
                .body("keys.d", everyItem(nullValue()));
    }

    @Test
    void accessTokenIsAnRfc9068JwtThatVerifiesAgainstTheJwks() throws Exception {
        String token = given().auth().preemptive().basic(DemoClients.PARTNER_WEB, DemoClients.PARTNER_WEB_SECRET)
                .formParam("grant_type", "client_credentials").formParam("scope", "db:read")
                .post("/oauth/token").then().statusCode(200).extract().path("access_token");
        JWKSet jwks = JWKSet.parse(given().get("/oauth/jwks").asString());
        SignedJWT jwt = SignedJWT.parse(token);
        ECKey key = (ECKey) jwks.getKeyByKeyId(jwt.getHeader().getKeyID());
        assertNotNull(key, "kid must be in the JWKS");
        assertTrue(jwt.verify(new ECDSAVerifier(key)));
        // RFC 9068 §2.1: typ at+jwt
        assertEquals(new JOSEObjectType("at+jwt"), jwt.getHeader().getType());
        JWTClaimsSet c = jwt.getJWTClaimsSet();
        assertEquals("http://localhost:8080", c.getIssuer());
        assertEquals(DemoClients.PARTNER_WEB, c.getSubject());
        assertEquals(DemoClients.PARTNER_WEB, c.getStringClaim("client_id"));
        assertEquals("db:read", c.getStringClaim("scope"));
        assertFalse(c.getAudience().isEmpty());
        assertNotNull(c.getJWTID());
        assertTrue(c.getExpirationTime().after(new Date()));
        assertTrue(c.getIssueTime().before(new Date(System.currentTimeMillis() + 1000)));
    }

    @Test
    void privateKeysAreStoredEncrypted() throws Exception {
        byte[] pkcs8 = keysPrivateEncoded();
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "");
             ResultSet rs = c.createStatement().executeQuery("SELECT private_key FROM token.signing_keys")) {
            assertTrue(rs.next());
            byte[] stored = rs.getBytes(1);
            assertFalse(Arrays.equals(stored, pkcs8));
            assertFalse(indexOf(stored, Arrays.copyOfRange(pkcs8, pkcs8.length - 32, pkcs8.length)) >= 0,
                    "the raw private scalar must not appear in the stored bytes");
        }
    }

    @Test
    void reloadingKeepsTheSameKeyId() {
        String kid = keys.current().kid();
        keys.reload().await().indefinitely();
        assertEquals(kid, keys.current().kid());
    }

    @Test
    void rotationPublishesBothKeysAndSignsWithTheNewOne() throws Exception {
        String oldKid = keys.current().kid();
        String newKid = keys.rotate().await().indefinitely().kid();
        assertFalse(oldKid.equals(newKid));
        given().get("/oauth/jwks").then().body("keys.kid", hasItems(oldKid, newKid));
    }

    private byte[] keysPrivateEncoded() throws Exception {
        java.lang.reflect.Method m = keys.current().getClass().getDeclaredMethod("privateKey");
        m.setAccessible(true);
        return ((java.security.PrivateKey) m.invoke(keys.current())).getEncoded();
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i <= hay.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
