package io.latchkey.gateway.bearer;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import io.latchkey.common.Claims;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Verifies a Latchkey access token (RFC 9068 §4) with the JDK alone: structure, {@code typ}, algorithm bound to the
 * key, signature, {@code iss}, {@code aud}, {@code exp}/{@code nbf}, and the in-memory revocation list.
 */
public final class Verification {

    static final String ES256 = "ES256";
    static final String RS256 = "RS256";

    private static final Base64.Decoder B64URL = Base64.getUrlDecoder();
    private static final Map<String, ThreadLocal<Signature>> SIGNATURES = new ConcurrentHashMap<>();

    private final Jwks jwks;
    private final DenyList denyList;
    private final String issuer;
    private final String audience;
    private final long leewaySeconds;
    private final LongSupplier epochSeconds;

    public Verification(Jwks jwks, DenyList denyList, String issuer, String audience, long leewaySeconds,
                        LongSupplier epochSeconds) {
        this.jwks = jwks;
        this.denyList = denyList;
        this.issuer = issuer;
        this.audience = audience;
        this.leewaySeconds = leewaySeconds;
        this.epochSeconds = epochSeconds;
    }

    /** The verified claims, or a failed future with a {@link BearerFailure}. */
    public Future<VerifiedToken> verify(String token) {
        String[] parts;
        JsonObject header;
        try {
            parts = split(token);
            header = json(parts[0]);
        } catch (BearerFailure f) {
            return Future.failedFuture(f);
        }
        String alg = header.getValue("alg") instanceof String s ? s : null;
        Object typ = header.getValue("typ");
        Object kid = header.getValue("kid");
        // RFC 8725 §3.1: only the algorithms Latchkey signs with; never "none"
        if (!ES256.equals(alg) && !RS256.equals(alg)) {
            return invalid("The token is not signed with a supported algorithm.");
        }
        // RFC 9068 §4: the typ header MUST be "at+jwt" (or "application/at+jwt"), so other JWTs are not taken for it
        if (!(typ instanceof String t) || !(t.equalsIgnoreCase(Claims.AT_JWT_TYPE) || t.equalsIgnoreCase("application/" + Claims.AT_JWT_TYPE))) {
            return invalid("The token is not an access token.");
        }
        // RFC 7515 §4.1.11: no extension Latchkey would have to understand
        if (header.containsKey("crit") || !(kid instanceof String keyId)) {
            return invalid("The token header is not acceptable.");
        }
        return jwks.key(keyId)
                .recover(e -> Future.failedFuture(BearerFailure.unavailable("The signing keys cannot be loaded; retry shortly.")))
                .compose(key -> {
                    try {
                        return Future.succeededFuture(check(parts, alg, key));
                    } catch (BearerFailure f) {
                        return Future.failedFuture(f);
                    }
                });
    }

    private VerifiedToken check(String[] parts, String alg, VerificationKey key) {
        if (key == null) {
            throw BearerFailure.invalidToken("The token was not signed by this server.");
        }
        // RFC 8725 §3.1: the key's own algorithm, never the one the token asks for
        if (!key.alg().equals(alg)) {
            throw BearerFailure.invalidToken("The token's algorithm does not match its key.");
        }
        if (!signatureValid(parts, key)) {
            throw BearerFailure.invalidToken("The token signature is invalid.");
        }
        JsonObject claims = json(parts[1]);
        long now = epochSeconds.getAsLong();
        // RFC 9068 §4: iss MUST match the issuer identifier
        if (!issuer.equals(claims.getValue(Claims.ISS))) {
            throw BearerFailure.invalidToken("The token was issued for another issuer.");
        }
        // RFC 9068 §4: aud MUST name this resource server
        if (!audienceMatches(claims.getValue(Claims.AUD))) {
            throw BearerFailure.invalidToken("The token is meant for another audience.");
        }
        // RFC 9068 §4: the current time MUST be before exp (a few seconds of clock skew allowed)
        if (!(claims.getValue(Claims.EXP) instanceof Number exp) || now >= exp.longValue() + leewaySeconds) {
            throw BearerFailure.invalidToken("The access token expired.");
        }
        if (claims.getValue("nbf") instanceof Number nbf && now + leewaySeconds < nbf.longValue()) {
            throw BearerFailure.invalidToken("The access token is not valid yet.");
        }
        String subject = text(claims, Claims.SUB);
        String clientId = text(claims, Claims.CLIENT_ID);
        String jti = text(claims, Claims.JTI);
        if (subject == null || clientId == null || jti == null) {
            throw BearerFailure.invalidToken("The token lacks required claims.");
        }
        String scope = claims.getValue(Claims.SCOPE) == null ? "" : text(claims, Claims.SCOPE);
        String grantId = claims.getValue(Claims.GRANT_ID) == null ? null : text(claims, Claims.GRANT_ID);
        if (scope == null || (claims.getValue(Claims.GRANT_ID) != null && grantId == null)) {
            throw BearerFailure.invalidToken("The token lacks required claims.");
        }
        // revoked grants and tokens: an in-memory lookup, kept current by Redis pub/sub (no round trip here)
        if (denyList.revoked(grantId, jti)) {
            throw BearerFailure.invalidToken("The access token has been revoked.");
        }
        return new VerifiedToken(subject, clientId, scope, scopes(scope), grantId, jti, exp.longValue());
    }

    private boolean audienceMatches(Object aud) {
        if (aud instanceof String s) {
            return audience.equals(s);
        }
        if (aud instanceof JsonArray list) {
            return list.contains(audience);
        }
        return false;
    }

    private static boolean signatureValid(String[] parts, VerificationKey key) {
        byte[] signature = decode(parts[2]);
        // RFC 7518 §3.4: an ES256 signature is exactly R || S, 64 octets
        if (ES256.equals(key.alg()) && signature.length != 64) {
            return false;
        }
        try {
            Signature verifier = SIGNATURES.computeIfAbsent(key.alg(), Verification::threadLocal).get();
            verifier.initVerify(key.key());
            verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            return verifier.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static ThreadLocal<Signature> threadLocal(String alg) {
        // RFC 7518 §3.4: JWS ECDSA signatures are R || S (IEEE P1363), not DER
        String jca = ES256.equals(alg) ? "SHA256withECDSAinP1363Format" : "SHA256withRSA";
        return ThreadLocal.withInitial(() -> {
            try {
                return Signature.getInstance(jca);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** RFC 7515 §7.1: three base64url parts separated by dots; anything else is not a JWS compact serialization. */
    private static String[] split(String token) {
        int first = token.indexOf('.');
        int second = first < 0 ? -1 : token.indexOf('.', first + 1);
        if (first <= 0 || second < 0 || second == first + 1 || second == token.length() - 1
                || token.indexOf('.', second + 1) >= 0) {
            throw BearerFailure.invalidToken("The access token is malformed.");
        }
        return new String[] {token.substring(0, first), token.substring(first + 1, second), token.substring(second + 1)};
    }

    private static JsonObject json(String part) {
        try {
            return new JsonObject(Buffer.buffer(decode(part)));
        } catch (RuntimeException e) {
            throw BearerFailure.invalidToken("The access token is malformed.");
        }
    }

    private static byte[] decode(String part) {
        try {
            return B64URL.decode(part);
        } catch (IllegalArgumentException e) {
            throw BearerFailure.invalidToken("The access token is malformed.");
        }
    }

    /** A string claim safe to pass on in a header (no control characters), or null. */
    private static String text(JsonObject claims, String name) {
        if (!(claims.getValue(name) instanceof String s) || s.isEmpty() || s.length() > 1024) {
            return null;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return null;
            }
        }
        return s;
    }

    private static Set<String> scopes(String scope) {
        if (scope.isBlank()) {
            return Collections.emptySet();
        }
        return new LinkedHashSet<>(java.util.Arrays.asList(scope.trim().split(" +")));
    }

    private static Future<VerifiedToken> invalid(String description) {
        return Future.failedFuture(BearerFailure.invalidToken(description));
    }
}
