package io.latchkey.gateway.bearer;

import java.util.function.LongSupplier;

import io.latchkey.common.jwt.AccessTokenVerifier;
import io.latchkey.common.jwt.ParsedToken;
import io.latchkey.common.jwt.TokenRejected;
import io.latchkey.common.jwt.VerifiedAccessToken;
import io.vertx.core.Future;

/**
 * A bearer token at the edge: the shared {@link AccessTokenVerifier} (the rules token-service's introspection applies
 * too: structure, {@code typ}, algorithm bound to the key, signature, {@code iss}, {@code aud}, {@code exp}/{@code nbf}/
 * {@code iat} with one leeway, required claims) with the key from the cached JWKS, then the in-memory revocation list.
 */
public final class Verification {

    private final Jwks jwks;
    private final DenyList denyList;
    private final AccessTokenVerifier verifier;
    private final LongSupplier epochSeconds;

    public Verification(Jwks jwks, DenyList denyList, String issuer, String audience, long leewaySeconds,
                        LongSupplier epochSeconds) {
        this.jwks = jwks;
        this.denyList = denyList;
        this.verifier = new AccessTokenVerifier(issuer, audience, leewaySeconds);
        this.epochSeconds = epochSeconds;
    }

    /** The verified claims, or a failed future with a {@link BearerFailure}. */
    public Future<VerifiedAccessToken> verify(String token) {
        ParsedToken parsed;
        try {
            parsed = verifier.parse(token);
        } catch (TokenRejected e) {
            return Future.failedFuture(BearerFailure.invalidToken(e.description()));
        }
        return jwks.key(parsed.kid())
                .recover(e -> Future.failedFuture(BearerFailure.unavailable("The signing keys cannot be loaded; retry shortly.")))
                .compose(key -> {
                    try {
                        return Future.succeededFuture(notRevoked(verifier.verify(parsed, key, epochSeconds.getAsLong())));
                    } catch (TokenRejected e) {
                        return Future.failedFuture(BearerFailure.invalidToken(e.description()));
                    }
                });
    }

    private VerifiedAccessToken notRevoked(VerifiedAccessToken t) {
        // revoked grants, refresh-token families and tokens: in memory, kept current by Redis pub/sub and rebuilt
        // from token-service's durable record (no round trip here)
        if (denyList.revoked(t.grantId(), t.sessionId(), t.jti(), t.clientId(), t.issuedAt())) {
            throw new TokenRejected("The access token has been revoked.");
        }
        return t;
    }
}
