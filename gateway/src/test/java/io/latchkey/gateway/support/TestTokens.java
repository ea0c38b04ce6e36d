package io.latchkey.gateway.support;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Signs access tokens the way token-service does (RFC 9068), with keys the stub token-service publishes as its JWKS.
 * Claims default to a valid token for the gateway's test configuration; each test changes what it tests.
 */
public final class TestTokens {

    public static final String ISSUER = "http://localhost:8080";
    public static final String AUDIENCE = "https://api.latchkey.dev";
    public static final String ES_KID = "test-es256";
    public static final String RS_KID = "test-rs256";

    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();
    private static final Map<String, KeyPair> KEYS = new ConcurrentHashMap<>();
    private static final Map<String, String> ALGS = new ConcurrentHashMap<>();
    /** The kids the stub publishes, in order. */
    private static final List<String> PUBLISHED = new CopyOnWriteArrayList<>();

    static {
        add(ES_KID, "ES256", true);
        add(RS_KID, "RS256", true);
    }

    private TestTokens() {
    }

    /** A new key; published in the stub's JWKS only when {@code publish} is true. */
    public static synchronized void add(String kid, String alg, boolean publish) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("ES256".equals(alg) ? "EC" : "RSA");
            if ("ES256".equals(alg)) {
                g.initialize(new ECGenParameterSpec("secp256r1"));
            } else {
                g.initialize(2048);
            }
            KEYS.put(kid, g.generateKeyPair());
            ALGS.put(kid, alg);
            if (publish) {
                PUBLISHED.add(kid);
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void publish(String kid) {
        PUBLISHED.add(kid);
    }

    /** The JWKS the stub token-service serves (RFC 7517 §5). */
    public static JsonArray jwks() {
        JsonArray keys = new JsonArray();
        for (String kid : PUBLISHED) {
            keys.add(jwk(kid));
        }
        return keys;
    }

    /** Claims of a valid token for user-1 through latchkey-cli with scope "profile db:read" under a fresh grant. */
    public static JsonObject claims() {
        long now = System.currentTimeMillis() / 1000;
        return new JsonObject()
                .put("iss", ISSUER).put("sub", "user-1").put("aud", AUDIENCE)
                .put("exp", now + 600).put("iat", now).put("jti", UUID.randomUUID().toString())
                .put("client_id", "latchkey-cli").put("scope", "profile db:read")
                .put("gid", UUID.randomUUID().toString());
    }

    public static JsonObject header(String kid) {
        return new JsonObject().put("alg", ALGS.get(kid)).put("typ", "at+jwt").put("kid", kid);
    }

    public static String sign(JsonObject claims) {
        return sign(header(ES_KID), claims, ES_KID);
    }

    /** Signs {@code header.claims} with the private key of {@code signingKid} (whatever the header says). */
    public static String sign(JsonObject header, JsonObject claims, String signingKid) {
        String input = b64(header.encode()) + "." + b64(claims.encode());
        try {
            boolean ec = "ES256".equals(ALGS.get(signingKid));
            Signature s = Signature.getInstance(ec ? "SHA256withECDSAinP1363Format" : "SHA256withRSA");
            s.initSign(KEYS.get(signingKid).getPrivate());
            s.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + B64URL.encodeToString(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String b64(String json) {
        return B64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static JsonObject jwk(String kid) {
        JsonObject jwk = new JsonObject().put("kid", kid).put("use", "sig").put("alg", ALGS.get(kid));
        if (KEYS.get(kid).getPublic() instanceof ECPublicKey ec) {
            return jwk.put("kty", "EC").put("crv", "P-256")
                    .put("x", B64URL.encodeToString(unsigned(ec.getW().getAffineX(), 32)))
                    .put("y", B64URL.encodeToString(unsigned(ec.getW().getAffineY(), 32)));
        }
        RSAPublicKey rsa = (RSAPublicKey) KEYS.get(kid).getPublic();
        return jwk.put("kty", "RSA")
                .put("n", B64URL.encodeToString(unsigned(rsa.getModulus(), 0)))
                .put("e", B64URL.encodeToString(unsigned(rsa.getPublicExponent(), 0)));
    }

    private static byte[] unsigned(BigInteger v, int length) {
        byte[] b = v.toByteArray();
        if (b.length > 1 && b[0] == 0) {
            b = Arrays.copyOfRange(b, 1, b.length);
        }
        if (length > 0 && b.length < length) {
            byte[] padded = new byte[length];
            System.arraycopy(b, 0, padded, length - b.length, b.length);
            return padded;
        }
        return b;
    }
}
