package io.latchkey.token.jwt;

import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.latchkey.common.Claims;
import io.latchkey.common.oidc.Identity;
import io.latchkey.common.oidc.UserClaims;
import io.latchkey.common.crypto.Secrets;
import io.latchkey.token.config.TokenServiceConfig;

/** Mints OpenID Connect ID Tokens (OIDC Core §2) with the same rotating keys as access tokens. CPU only: no I/O. */
@ApplicationScoped
public class IdTokenIssuer {

    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    private final SigningKeys keys;
    private final ObjectMapper json;
    private final String issuer;
    private final long ttlSeconds;

    public IdTokenIssuer(SigningKeys keys, ObjectMapper json, TokenServiceConfig config) {
        this.keys = keys;
        this.json = json;
        this.issuer = config.issuer();
        this.ttlSeconds = config.oidc().idTokenTtl().toSeconds();
    }

    /**
     * @param subject     the user id (the access token's {@code sub}: OIDC Core §2 {@code sub} is the same)
     * @param clientId    the client the ID Token is for
     * @param scopes      the granted scopes: {@code profile} and {@code email} release claims (OIDC Core §5.4)
     * @param who         the sign-in (auth_time), nonce and user claims consent-service vouched for
     * @param accessToken the access token issued with it, for {@code at_hash}
     */
    public String mint(String subject, String clientId, Set<String> scopes, Identity who, String accessToken) {
        long now = System.currentTimeMillis() / 1000;
        Map<String, Object> claims = new LinkedHashMap<>();
        // OIDC Core §2: iss, sub, aud, exp, iat REQUIRED; auth_time, nonce when applicable
        claims.put(Claims.ISS, issuer);
        claims.put(Claims.SUB, subject);
        // OIDC Core §2: aud contains the client_id; a single audience equal to the client needs no azp
        claims.put(Claims.AUD, clientId);
        claims.put(Claims.EXP, now + ttlSeconds);
        claims.put(Claims.IAT, now);
        // OIDC Core §2: auth_time is the time the user actually authenticated (Latchkey always sends it)
        claims.put(Claims.AUTH_TIME, who.authTime());
        // OIDC Core §3.1.2.1: the nonce is passed through unmodified
        if (who.nonce() != null) {
            claims.put(Claims.NONCE, who.nonce());
        }
        // OIDC Core §3.1.3.6: at_hash for the access token issued alongside
        claims.put(Claims.AT_HASH, atHash(accessToken));
        claims.putAll(UserClaims.of(scopes, who));
        try {
            return keys.current().signIdToken(json.writeValueAsBytes(claims));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * OIDC Core §3.1.3.6: base64url of the left-most half of the hash of the ASCII access token, with the hash of
     * the ID Token's alg (SHA-256 for ES256 and RS256, the only algs Latchkey signs with).
     */
    public static String atHash(String accessToken) {
        byte[] hash = Secrets.sha256(accessToken);
        return B64URL.encodeToString(Arrays.copyOf(hash, hash.length / 2));
    }
}
