package io.latchkey.token.jwt;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.util.Base64;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.latchkey.common.Claims;

/**
 * Verifies Latchkey access tokens against the in-memory key set (the keys the JWKS publishes): no I/O.
 * Anything that is not a well-formed, unexpired JWT signed by one of our published keys with that key's own
 * algorithm and our issuer is simply "not verified" (null) — callers never learn why.
 */
@ApplicationScoped
public class AccessTokenVerifier {

    /** Far beyond any token we mint; a cheap guard against giant inputs. */
    private static final int MAX_LENGTH = 8192;
    private static final Base64.Decoder B64URL = Base64.getUrlDecoder();

    private final SigningKeys keys;
    private final ObjectMapper json;
    private final String issuer;

    public AccessTokenVerifier(SigningKeys keys, ObjectMapper json, @ConfigProperty(name = "latchkey.issuer") String issuer) {
        this.keys = keys;
        this.json = json;
        this.issuer = issuer;
    }

    /** The verified claims, or null when the token is malformed, foreign, tampered with or expired. */
    public VerifiedAccessToken verify(String token, long nowEpochSeconds) {
        if (token == null || token.length() > MAX_LENGTH) {
            return null;
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            return null;
        }
        try {
            JsonNode header = json.readTree(B64URL.decode(parts[0]));
            SigningKey key = publishedKey(header.path("kid").asText(null));
            // RFC 8725 §3.1: use only the algorithm the key is for (never "none", never one named by the token)
            if (key == null || !key.alg().equals(header.path("alg").asText(null))) {
                return null;
            }
            // RFC 9068 §4: the typ header of an access token is at+jwt
            if (!Claims.AT_JWT_TYPE.equals(header.path("typ").asText(null))) {
                return null;
            }
            if (!signatureValid(key, parts)) {
                return null;
            }
            return claims(json.readTree(B64URL.decode(parts[1])), nowEpochSeconds);
        } catch (IllegalArgumentException | java.io.IOException | GeneralSecurityException e) {
            return null;
        }
    }

    private SigningKey publishedKey(String kid) {
        if (kid == null) {
            return null;
        }
        for (SigningKey k : keys.published()) {
            if (k.kid().equals(kid)) {
                return k;
            }
        }
        return null;
    }

    private static boolean signatureValid(SigningKey key, String[] parts) throws GeneralSecurityException {
        Signature s = Signature.getInstance(Algorithms.jcaSignature(key.alg()));
        s.initVerify(key.publicKey());
        s.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        return s.verify(B64URL.decode(parts[2]));
    }

    private VerifiedAccessToken claims(JsonNode c, long now) {
        // RFC 9068 §4: the issuer MUST match, and the token MUST NOT be expired
        if (!issuer.equals(c.path(Claims.ISS).asText(null)) || !c.path(Claims.EXP).canConvertToLong()
                || c.path(Claims.EXP).asLong() <= now || c.path(Claims.JTI).asText(null) == null) {
            return null;
        }
        return new VerifiedAccessToken(c.path(Claims.JTI).asText(), c.path(Claims.ISS).asText(),
                c.path(Claims.SUB).asText(null), c.path(Claims.AUD).asText(null), c.path(Claims.CLIENT_ID).asText(null),
                c.path(Claims.SCOPE).asText(null), c.path(Claims.GRANT_ID).asText(null), c.path(Claims.IAT).asLong(),
                c.path(Claims.EXP).asLong());
    }
}
