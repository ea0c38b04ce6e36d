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
 * JOSE headers {@code {"alg","typ":"at+jwt","kid"}} (RFC 9068 §2.1) and, for ID Tokens, {@code typ "JWT"}.
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
    private final String idTokenHeaderSegment;
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
        this.headerSegment = header(alg, io.latchkey.common.Claims.AT_JWT_TYPE, kid);
        // OIDC Core §2: an ID Token is a signed JWT; typ "JWT" keeps it from passing as an access token
        this.idTokenHeaderSegment = header(alg, io.latchkey.common.Claims.ID_TOKEN_TYPE, kid);
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

    private static String header(String alg, String typ, String kid) {
        return B64URL.encodeToString(("{\"alg\":\"" + alg + "\",\"typ\":\"" + typ + "\",\"kid\":\"" + kid + "\"}")
                .getBytes(StandardCharsets.UTF_8));
    }

    /** A compact JWS (access token, typ at+jwt) of the given JSON payload bytes. */
    public String sign(byte[] payloadJson) {
        return sign(headerSegment, payloadJson);
    }

    /** A compact JWS with typ "JWT": an OpenID Connect ID Token. */
    public String signIdToken(byte[] payloadJson) {
        return sign(idTokenHeaderSegment, payloadJson);
    }

    private String sign(String header, byte[] payloadJson) {
        String signingInput = header + "." + B64URL.encodeToString(payloadJson);
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
