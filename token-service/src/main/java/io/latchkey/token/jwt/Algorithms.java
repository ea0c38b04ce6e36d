package io.latchkey.token.jwt;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** The two JWS algorithms Latchkey signs with (RFC 7518 §3.4 ES256, §3.3 RS256) and their JWKs (RFC 7517). */
final class Algorithms {

    static final String ES256 = "ES256";
    static final String RS256 = "RS256";

    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    private Algorithms() {
    }

    static String jcaSignature(String alg) {
        return switch (alg) {
            // RFC 7518 §3.4: ECDSA signatures are R || S, not DER; the P1363 format is exactly that
            case ES256 -> "SHA256withECDSAinP1363Format";
            case RS256 -> "SHA256withRSA";
            default -> throw new IllegalArgumentException("Unsupported algorithm " + alg);
        };
    }

    static String keyFamily(String alg) {
        return ES256.equals(alg) ? "EC" : "RSA";
    }

    static KeyPair generate(String alg) throws GeneralSecurityException {
        if (ES256.equals(alg)) {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            return g.generateKeyPair();
        }
        if (RS256.equals(alg)) {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(3072);
            return g.generateKeyPair();
        }
        throw new IllegalArgumentException("latchkey.keys.algorithm must be ES256 or RS256, not " + alg);
    }

    static KeyPair decode(String alg, byte[] publicX509, byte[] privatePkcs8) throws GeneralSecurityException {
        KeyFactory f = KeyFactory.getInstance(keyFamily(alg));
        return new KeyPair(f.generatePublic(new X509EncodedKeySpec(publicX509)),
                f.generatePrivate(new PKCS8EncodedKeySpec(privatePkcs8)));
    }

    /** The public JWK members that define the key, in RFC 7638 §3.2 lexicographic order. */
    static Map<String, Object> requiredMembers(PublicKey key) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (key instanceof ECPublicKey ec) {
            m.put("crv", "P-256");
            m.put("kty", "EC");
            m.put("x", B64URL.encodeToString(unsigned(ec.getW().getAffineX(), 32)));
            m.put("y", B64URL.encodeToString(unsigned(ec.getW().getAffineY(), 32)));
        } else if (key instanceof RSAPublicKey rsa) {
            m.put("e", B64URL.encodeToString(unsigned(rsa.getPublicExponent(), 0)));
            m.put("kty", "RSA");
            m.put("n", B64URL.encodeToString(unsigned(rsa.getModulus(), 0)));
        } else {
            throw new IllegalArgumentException("Unsupported key " + key.getAlgorithm());
        }
        return m;
    }

    /** RFC 7638: the JWK thumbprint, used as the key id. */
    static String thumbprint(PublicKey key) throws GeneralSecurityException {
        StringBuilder json = new StringBuilder("{");
        requiredMembers(key).forEach((k, v) -> {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append('"').append(k).append("\":\"").append(v).append('"');
        });
        json.append('}');
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(json.toString().getBytes(StandardCharsets.UTF_8));
        return B64URL.encodeToString(digest);
    }

    static Map<String, Object> jwk(String kid, String alg, PublicKey key) {
        Map<String, Object> m = new LinkedHashMap<>(requiredMembers(key));
        m.put("kid", kid);
        m.put("use", "sig");
        m.put("alg", alg);
        return m;
    }

    /** Big-endian unsigned bytes, left-padded to {@code length} (0: minimal). */
    private static byte[] unsigned(BigInteger v, int length) {
        byte[] b = v.toByteArray();
        if (b.length > 1 && b[0] == 0) {
            b = java.util.Arrays.copyOfRange(b, 1, b.length);
        }
        if (length > 0 && b.length < length) {
            byte[] padded = new byte[length];
            System.arraycopy(b, 0, padded, length - b.length, b.length);
            return padded;
        }
        return b;
    }
}
