package io.latchkey.token.jwt;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.latchkey.common.Claims;
import io.latchkey.common.crypto.Secrets;
import io.latchkey.token.config.TokenServiceConfig;

/** Mints RFC 9068 JWT access tokens with the current signing key. CPU only: no I/O. */
@ApplicationScoped
public class AccessTokenIssuer {

    public record Minted(String token, String jti, long issuedAt, long expiresAt) {
    }

    private final SigningKeys keys;
    private final ObjectMapper json;
    private final String issuer;
    private final String audience;
    private final long ttlSeconds;

    public AccessTokenIssuer(SigningKeys keys, ObjectMapper json, TokenServiceConfig config) {
        this.keys = keys;
        this.json = json;
        this.issuer = config.issuer();
        this.audience = config.token().audience();
        this.ttlSeconds = config.token().accessTtl().toSeconds();
    }

    public long ttlSeconds() {
        return ttlSeconds;
    }

    public String audience() {
        return audience;
    }

    /**
     * @param subject  the user id, or the client id for client credentials (RFC 9068 §2.2)
     * @param grantId  the grant the token belongs to (revoking it revokes the token); null for client credentials
     * @param familyId the refresh-token family issued with it (revoking the family revokes the token); null for none
     */
    public Minted mint(String subject, String clientId, String scope, String grantId, java.util.UUID familyId) {
        long now = System.currentTimeMillis() / 1000;
        String jti = Secrets.random(16);
        // RFC 9068 §2.2: iss, exp, aud, sub, client_id, iat, jti are REQUIRED; scope when the request had one
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put(Claims.ISS, issuer);
        claims.put(Claims.SUB, subject);
        claims.put(Claims.AUD, audience);
        claims.put(Claims.EXP, now + ttlSeconds);
        claims.put(Claims.IAT, now);
        claims.put(Claims.JTI, jti);
        claims.put(Claims.CLIENT_ID, clientId);
        if (scope != null && !scope.isEmpty()) {
            claims.put(Claims.SCOPE, scope);
        }
        if (grantId != null) {
            claims.put(Claims.GRANT_ID, grantId);
        }
        // RFC 9068 §2.2.3 allows extra claims: the session (refresh-token family), so RFC 7009 §2.1 can cut it off
        if (familyId != null) {
            claims.put(Claims.SESSION_ID, familyId.toString());
        }
        try {
            return new Minted(keys.current().sign(json.writeValueAsBytes(claims)), jti, now, now + ttlSeconds);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
