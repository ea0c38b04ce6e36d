package io.latchkey.token.jwt;

import jakarta.enterprise.context.ApplicationScoped;

import io.latchkey.common.Claims;
import io.latchkey.common.jwt.AccessTokenVerifier;
import io.latchkey.common.jwt.ParsedToken;
import io.latchkey.common.jwt.TokenRejected;
import io.latchkey.token.config.TokenServiceConfig;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Checks an {@code id_token_hint} (OpenID Connect RP-Initiated Logout 1.0 §2): an ID Token this server signed with a
 * key it still publishes, for this issuer. Its exp is not checked: §4 says an expired hint SHOULD still be accepted.
 */
@ApplicationScoped
public class IdTokenHints {

    /** Who the hint names: the user and the client (its aud). */
    public record Hint(String subject, String clientId) {
    }

    private final SigningKeys keys;
    private final String issuer;

    public IdTokenHints(SigningKeys keys, TokenServiceConfig config) {
        this.keys = keys;
        this.issuer = config.issuer();
    }

    /** The hint's subject and client, or {@link TokenRejected} when it is not one of our ID Tokens. */
    public Hint check(String idToken) {
        // OIDC Core §2: an ID Token is a JWS; Latchkey's carry typ JWT (never at+jwt: an access token is no hint)
        ParsedToken parsed = AccessTokenVerifier.parseJws(idToken, Claims.ID_TOKEN_TYPE, "The token is not an ID Token.");
        JsonObject claims = AccessTokenVerifier.signedClaims(parsed, keys.verificationKey(parsed.kid()));
        if (!issuer.equals(claims.getValue(Claims.ISS))) {
            throw new TokenRejected("The ID Token was issued by another issuer.");
        }
        Object aud = claims.getValue(Claims.AUD);
        String clientId = aud instanceof String s ? s
                : aud instanceof JsonArray list && list.size() == 1 && list.getValue(0) instanceof String one ? one : null;
        if (!(claims.getValue(Claims.SUB) instanceof String subject) || clientId == null) {
            throw new TokenRejected("The ID Token lacks sub or aud.");
        }
        return new Hint(subject, clientId);
    }
}
