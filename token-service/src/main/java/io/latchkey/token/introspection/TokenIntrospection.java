package io.latchkey.token.introspection;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.latchkey.common.OAuthParams;
import io.latchkey.token.client.Client;
import io.latchkey.token.client.Secrets;
import io.latchkey.token.jwt.AccessTokenVerifier;
import io.latchkey.token.jwt.VerifiedAccessToken;
import io.latchkey.token.refresh.RefreshTokenRepository;
import io.latchkey.token.refresh.StoredRefreshToken;
import io.latchkey.token.revocation.DenyListStore;
import io.latchkey.token.refresh.RefreshTokenFormat;
import io.latchkey.token.web.IntrospectionResponse;
import io.smallrye.mutiny.Uni;

/**
 * RFC 7662: is this token active, and what is it? Access tokens are checked without PostgreSQL (signature with
 * the in-memory keys, then one Redis round trip for the jti and grant deny-lists); refresh tokens by their hash.
 */
@ApplicationScoped
public class TokenIntrospection {

    private final AccessTokenVerifier verifier;
    private final DenyListStore denyList;
    private final RefreshTokenRepository refreshTokens;
    private final String issuer;

    public TokenIntrospection(AccessTokenVerifier verifier, DenyListStore denyList, RefreshTokenRepository refreshTokens,
                              @ConfigProperty(name = "latchkey.issuer") String issuer) {
        this.verifier = verifier;
        this.denyList = denyList;
        this.refreshTokens = refreshTokens;
        this.issuer = issuer;
    }

    public Uni<IntrospectionResponse> introspect(String token, String hint, Client caller) {
        // RFC 7662 §2.1: token_type_hint only decides which kind is looked up first
        boolean refreshFirst = OAuthParams.REFRESH_TOKEN.equals(hint);
        Uni<IntrospectionResponse> first = refreshFirst ? asRefreshToken(token, caller) : asAccessToken(token);
        return first
                .chain(found -> found != null ? Uni.createFrom().item(found)
                        : refreshFirst ? asAccessToken(token) : asRefreshToken(token, caller))
                .map(found -> found != null ? found : IntrospectionResponse.INACTIVE);
    }

    /** The answer for an access token, or null when the token is not one of our access tokens. */
    private Uni<IntrospectionResponse> asAccessToken(String token) {
        VerifiedAccessToken at = verifier.verify(token, Instant.now().getEpochSecond());
        if (at == null) {
            return Uni.createFrom().nullItem();
        }
        // a revoked access token, or one of a revoked grant, is inactive until it expires
        return denyList.isDenied(at.jti(), at.grantId())
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

    private static IntrospectionResponse active(VerifiedAccessToken at) {
        return new IntrospectionResponse(true, at.scope(), at.clientId(), at.subject(), at.expiresAt(), at.issuedAt(),
                at.issuer(), at.audience(), IntrospectionResponse.ACCESS_TOKEN_TYPE, at.jti());
    }
}
