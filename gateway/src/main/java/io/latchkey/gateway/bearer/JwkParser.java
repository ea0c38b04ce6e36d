package io.latchkey.gateway.bearer;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import org.jboss.logging.Logger;

import io.latchkey.common.jwt.AccessTokenVerifier;
import io.latchkey.common.jwt.VerificationKey;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** RFC 7517 §5: a JWK Set to the public keys it holds, keyed by kid; keys the gateway cannot use are skipped. */
final class JwkParser {

    private static final Logger LOG = Logger.getLogger(JwkParser.class);
    private static final Base64.Decoder B64URL = Base64.getUrlDecoder();

    private JwkParser() {
    }

    static Map<String, VerificationKey> parse(Buffer jwks) {
        JsonArray keys = new JsonObject(jwks).getJsonArray("keys");
        if (keys == null) {
            throw new IllegalArgumentException("JWKS without a keys array");
        }
        Map<String, VerificationKey> out = new HashMap<>();
        for (Object entry : keys) {
            if (entry instanceof JsonObject jwk) {
                try {
                    VerificationKey key = toKey(jwk);
                    if (key != null) {
                        out.put(key.kid(), key);
                    }
                } catch (RuntimeException | GeneralSecurityException e) {
                    LOG.warnf("Skipping an unusable JWK %s: %s", jwk.getString("kid"), e.toString());
                }
            }
        }
        return out;
    }

    private static VerificationKey toKey(JsonObject jwk) throws GeneralSecurityException {
        String kid = jwk.getString("kid");
        String use = jwk.getString("use");
        // RFC 7517 §4.2: only signature keys verify signatures
        if (kid == null || (use != null && !"sig".equals(use))) {
            return null;
        }
        String kty = jwk.getString("kty");
        if ("EC".equals(kty) && "P-256".equals(jwk.getString("crv"))) {
            return new VerificationKey(kid, algOf(jwk, AccessTokenVerifier.ES256), ec(jwk));
        }
        if ("RSA".equals(kty)) {
            return new VerificationKey(kid, algOf(jwk, AccessTokenVerifier.RS256), rsa(jwk));
        }
        return null;
    }

    private static String algOf(JsonObject jwk, String familyAlg) {
        String alg = jwk.getString("alg");
        // RFC 8725 §3.1: a key is bound to one algorithm; an RSA key never verifies an ES256 token and vice versa
        if (alg != null && !alg.equals(familyAlg)) {
            throw new IllegalArgumentException("alg " + alg + " does not fit the key type");
        }
        return familyAlg;
    }

    private static PublicKey ec(JsonObject jwk) throws GeneralSecurityException {
        AlgorithmParameters params = AlgorithmParameters.getInstance("EC");
        params.init(new ECGenParameterSpec("secp256r1"));
        ECPoint point = new ECPoint(unsigned(jwk.getString("x")), unsigned(jwk.getString("y")));
        return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(point, params.getParameterSpec(ECParameterSpec.class)));
    }

    private static PublicKey rsa(JsonObject jwk) throws GeneralSecurityException {
        return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(unsigned(jwk.getString("n")), unsigned(jwk.getString("e"))));
    }

    private static BigInteger unsigned(String base64url) {
        return new BigInteger(1, B64URL.decode(base64url));
    }
}
