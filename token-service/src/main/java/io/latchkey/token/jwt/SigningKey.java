package io.latchkey.token.jwt;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

/**
 * One signing key with everything precomputed that does not change per token: the JWK, and the base64url
 * JOSE header {@code {"alg","typ":"at+jwt","kid"}} (RFC 9068 §2.1).
 */
public final class SigningKey {

    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    private final String kid;
    private final String alg;
    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final Map<String, Object> jwk;
    private final Instant createdAt;
    private final String headerSegment;
    private final ThreadLocal<Signature> signature;

    SigningKey(String kid, String alg, PrivateKey privateKey, PublicKey publicKey, Map<String, Object> jwk,
               Instant createdAt) {
        this.kid = kid;
        this.alg = alg;
        this.privateKey = privateKey;
        this.publicKey = publicKey;
        this.jwk = jwk;
        this.createdAt = createdAt;
        // RFC 9068 §2.1: access tokens carry typ "at+jwt"
        this.headerSegment = B64URL.encodeToString(("{\"alg\":\"" + alg + "\",\"typ\":\"at+jwt\",\"kid\":\"" + kid + "\"}")
                .getBytes(StandardCharsets.UTF_8));
        String jca = Algorithms.jcaSignature(alg);
        this.signature = ThreadLocal.withInitial(() -> {
            try {
                Signature s = Signature.getInstance(jca);
                s.initSign(privateKey);
                return s;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** A compact JWS of the given JSON payload bytes. */
    public String sign(byte[] payloadJson) {
        String signingInput = headerSegment + "." + B64URL.encodeToString(payloadJson);
        try {
            Signature s = signature.get();
            s.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + B64URL.encodeToString(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Signing failed", e);
        }
    }

    public String kid() {
        return kid;
    }

    public String alg() {
        return alg;
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    PrivateKey privateKey() {
        return privateKey;
    }

    public Map<String, Object> jwk() {
        return jwk;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
