package io.latchkey.token.jwt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;

/** Both selectable algorithms produce JWTs and JWKs that an independent library accepts. */
class SigningKeyTest {

    @ParameterizedTest
    @ValueSource(strings = {"ES256", "RS256"})
    void aSignedTokenVerifiesAgainstItsPublishedJwk(String alg) throws Exception {
        KeyPair pair = Algorithms.generate(alg);
        String kid = Algorithms.thumbprint(pair.getPublic());
        SigningKey key = new SigningKey(kid, alg, pair.getPrivate(), pair.getPublic(),
                Algorithms.jwk(kid, alg, pair.getPublic()), Instant.now());

        SignedJWT jwt = SignedJWT.parse(key.sign("{\"sub\":\"u1\"}".getBytes(StandardCharsets.UTF_8)));
        JWK jwk = JWK.parse(key.jwk());
        // RFC 7638: the kid is the JWK thumbprint, so any verifier can recompute it
        assertEquals(jwk.computeThumbprint().toString(), kid);
        assertEquals(kid, jwt.getHeader().getKeyID());
        assertEquals(alg, jwt.getHeader().getAlgorithm().getName());
        // RFC 9068 §2.1
        assertEquals("at+jwt", jwt.getHeader().getType().getType());
        assertFalse(jwk.isPrivate(), "the JWK carries no private parts");
        JWSVerifier verifier = "ES256".equals(alg) ? new ECDSAVerifier((ECKey) jwk) : new RSASSAVerifier((RSAKey) jwk);
        assertTrue(jwt.verify(verifier));
        assertEquals("u1", jwt.getJWTClaimsSet().getSubject());
    }

    @Test
    void anUnknownAlgorithmIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Algorithms.generate("HS256"));
    }
}
