package io.latchkey.token.introspection;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.latchkey.common.OAuthParams;
import io.latchkey.common.jwt.VerifiedAccessToken;
import io.latchkey.token.client.Client;
import io.latchkey.common.crypto.Secrets;
import io.latchkey.token.config.TokenServiceConfig;
import io.latchkey.token.jwt.AccessTokenCheck;
import io.latchkey.token.refresh.RefreshTokenFormat;
import io.latchkey.token.refresh.RefreshTokenRepository;
import io.latchkey.token.refresh.StoredRefreshToken;
import io.latchkey.token.revocation.RevocationRepository;
import io.latchkey.token.web.IntrospectionResponse;
import io.smallrye.mutiny.Uni;

/**
 * RFC 7662: is this token active, and what is it? Access tokens: the shared verifier with the in-memory keys (the
 * gateway's rules exactly), then one PostgreSQL round trip over the durable revocation record (its jti, its grant,
 * its refresh-token family) — never Redis, so a Redis wipe brings nothing back. Refresh tokens: by their hash.
 * RFC 7662 §4: only the token's own client, or a client an operator allowed to introspect, hears {@code active:true}.
 */
@ApplicationScoped
public class TokenIntrospection {

    private final AccessTokenCheck verifier;
    private final RevocationRepository revocations;
    private final RefreshTokenRepository refreshTokens;
    private final String issuer;

    public TokenIntrospection(AccessTokenCheck verifier, RevocationRepository revocations,
                              RefreshTokenRepository refreshTokens, TokenServiceConfig config) {
        this.verifier = verifier;
        this.revocations = revocations;
        this.refreshTokens = refreshTokens;
        this.issuer = config.issuer();
    }

    public Uni<IntrospectionResponse> introspect(String token, String hint, Client caller) {
        // RFC 7662 §2.1: token_type_hint only decides which kind is looked up first
        boolean refreshFirst = OAuthParams.REFRESH_TOKEN.equals(hint);
        Uni<IntrospectionResponse> first = refreshFirst ? asRefreshToken(token, caller) : asAccessToken(token, caller);
        return first
                .chain(found -> found != null ? Uni.createFrom().item(found)
                        : refreshFirst ? asAccessToken(token, caller) : asRefreshToken(token, caller))
                .map(found -> found != null ? found : IntrospectionResponse.INACTIVE);
    }

    /** The answer for an access token, or null when the token is not one of our access tokens. */
    private Uni<IntrospectionResponse> asAccessToken(String token, Client caller) {
        VerifiedAccessToken at = verifier.verify(token, Instant.now().getEpochSecond());
        if (at == null) {
            return Uni.createFrom().nullItem();
        }
        // RFC 7662 §4: the server decides who may learn about a token: its own client, or a resource server an
        // operator allowed (token.clients.may_introspect); anyone else learns nothing, not even that it is ours
        if (!caller.clientId().equals(at.clientId()) && !caller.mayIntrospect()) {
            return Uni.createFrom().item(IntrospectionResponse.INACTIVE);
        }
        // RFC 7009 §2.1: a revoked access token, one of a revoked grant or of a revoked refresh-token family is inactive
        return revocations.denies(at.jti(), at.grantId(), familyOf(at), at.clientId(), at.issuedAt())
                .map(denied -> denied ? IntrospectionResponse.INACTIVE : active(at));
    }

    /** The answer for a refresh token, or null when no refresh token has this value. */
    private Uni<IntrospectionResponse> asRefreshToken(String token, Client caller) {
        if (!RefreshTokenFormat.plausible(token)) {
            return Uni.createFrom().nullItem();
        }
        return refreshTokens.find(Secrets.sha256(token))
                .map(stored -> stored == null ? null : answer(stored, caller));
    }

    private IntrospectionResponse answer(StoredRefreshToken rt, Client caller) {
        // RFC 7662 §4: a refresh token concerns only its own client; nobody else learns anything about it
        if (!rt.live(Instant.now()) || !rt.clientId().equals(caller.clientId())) {
            return IntrospectionResponse.INACTIVE;
        }
        return new IntrospectionResponse(true, rt.scope(), rt.clientId(), rt.subject(), rt.expiresAt().getEpochSecond(),
                rt.issuedAt().getEpochSecond(), issuer, null, IntrospectionResponse.REFRESH_TOKEN_TYPE, null);
    }

    /** The token's refresh-token family; we mint sid as a UUID, so anything else is no family of ours. */
    private static UUID familyOf(VerifiedAccessToken at) {
        if (at.sessionId() == null) {
            return null;
        }
        try {
            return UUID.fromString(at.sessionId());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static IntrospectionResponse active(VerifiedAccessToken at) {
        return new IntrospectionResponse(true, at.scope().isEmpty() ? null : at.scope(), at.clientId(), at.subject(),
                at.expiresAt(), at.issuedAt(), at.issuer(), at.audience(), IntrospectionResponse.ACCESS_TOKEN_TYPE, at.jti());
    }
}
