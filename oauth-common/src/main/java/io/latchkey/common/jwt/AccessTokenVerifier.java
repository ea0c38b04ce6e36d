package io.latchkey.common.jwt;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import io.latchkey.common.Claims;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The one access-token verifier (RFC 9068 §4), shared by the gateway (keys from the JWKS) and token-service's
 * introspection and revocation (keys from its own key set), so a token is accepted by both or by neither. JDK
 * crypto and Vert.x JSON only, no I/O, no reflection. Every failure is a {@link TokenRejected} whose message may
 * be shown to the client.
 */
public final class AccessTokenVerifier {

    public static final String ES256 = "ES256";
    public static final String RS256 = "RS256";
    /** RFC 8725 §3.1: the algorithms Latchkey signs with; never "none", never HMAC. */
    public static final Set<String> ALGORITHMS = Set.of(ES256, RS256);
    /** Far beyond any token we mint; a cheap guard against giant inputs. */
    public static final int MAX_LENGTH = 8192;
    /** Longest string claim accepted (they are forwarded in headers). */
    private static final int MAX_CLAIM_LENGTH = 1024;

    private static final Base64.Decoder B64URL = Base64.getUrlDecoder();
    private static final Map<String, ThreadLocal<Signature>> SIGNATURES = new ConcurrentHashMap<>();

    private final String issuer;
    private final String audience;
    private final long leewaySeconds;

    /**
     * @param issuer        the {@code iss} every token must carry
     * @param audience      the {@code aud} every token must carry (or list)
     * @param leewaySeconds clock skew allowed on {@code exp}, {@code nbf} and {@code iat}
     */
    public AccessTokenVerifier(String issuer, String audience, long leewaySeconds) {
        this.issuer = issuer;
        this.audience = audience;
        this.leewaySeconds = leewaySeconds;
    }

    /** Parses and verifies in one go, for a key source that answers at once; null from it means an unknown kid. */
    public VerifiedAccessToken verify(String token, Function<String, VerificationKey> keys, long nowEpochSeconds) {
        ParsedToken parsed = parse(token);
        return verify(parsed, keys.apply(parsed.kid()), nowEpochSeconds);
    }

    /** Structure and JOSE header: everything that can be checked before the key is known. */
    public ParsedToken parse(String token) {
        // RFC 9068 §4: the typ header MUST be "at+jwt" (or "application/at+jwt"), so other JWTs are not taken for it
        return parseJws(token, Claims.AT_JWT_TYPE, "The token is not an access token.");
    }

    /**
     * The structure and JOSE header of a compact JWS Latchkey signed, whose {@code typ} is {@code type} (or
     * {@code application/<type>}): the same rules for access tokens and OpenID Connect ID Tokens (typ JWT).
     */
    public static ParsedToken parseJws(String token, String type, String wrongType) {
        if (token == null || token.isEmpty() || token.length() > MAX_LENGTH) {
            throw new TokenRejected("The access token is malformed.");
        }
        // RFC 7515 §7.1: three base64url parts separated by dots
        int first = token.indexOf('.');
        int second = first < 0 ? -1 : token.indexOf('.', first + 1);
        if (first <= 0 || second < 0 || second == first + 1 || second == token.length() - 1
                || token.indexOf('.', second + 1) >= 0) {
            throw new TokenRejected("The access token is malformed.");
        }
        String headerSegment = token.substring(0, first);
        JsonObject header = json(headerSegment);
        String alg = header.getValue("alg") instanceof String s ? s : null;
        // RFC 8725 §3.1: only the algorithms Latchkey signs with; never "none"
        if (alg == null || !ALGORITHMS.contains(alg)) {
            throw new TokenRejected("The token is not signed with a supported algorithm.");
        }
        if (!(header.getValue("typ") instanceof String typ) || !(typ.equalsIgnoreCase(type)
                || typ.equalsIgnoreCase("application/" + type))) {
            throw new TokenRejected(wrongType);
        }
        // RFC 7515 §4.1.11: no extension Latchkey would have to understand; and our tokens always name their key
        if (header.containsKey("crit") || !(header.getValue("kid") instanceof String kid) || kid.isEmpty()) {
            throw new TokenRejected("The token header is not acceptable.");
        }
        return new ParsedToken(headerSegment, token.substring(first + 1, second), token.substring(second + 1), alg, kid);
    }

    /** Signature with {@code key} (null: the kid is unknown), then the claims. */
    public VerifiedAccessToken verify(ParsedToken token, VerificationKey key, long now) {
        JsonObject claims = signedClaims(token, key);
        // RFC 9068 §4: iss MUST match the issuer identifier
        if (!issuer.equals(claims.getValue(Claims.ISS))) {
            throw new TokenRejected("The token was issued for another issuer.");
        }
        // RFC 9068 §4: aud MUST name this resource server
        if (!audienceMatches(claims.getValue(Claims.AUD))) {
            throw new TokenRejected("The token is meant for another audience.");
        }
        // RFC 9068 §4 / RFC 7519 §4.1.4: the current time MUST be before exp (one leeway for clock skew)
        if (!(claims.getValue(Claims.EXP) instanceof Number exp) || now >= exp.longValue() + leewaySeconds) {
            throw new TokenRejected("The access token expired.");
        }
        // RFC 7519 §4.1.5: not before nbf (same leeway)
        Object nbf = claims.getValue(Claims.NBF);
        if (nbf != null && (!(nbf instanceof Number n) || now + leewaySeconds < n.longValue())) {
            throw new TokenRejected("The access token is not valid yet.");
        }
        // RFC 9068 §2.2: iat is REQUIRED; one issued in the future (beyond the leeway) is not ours
        if (!(claims.getValue(Claims.IAT) instanceof Number iat) || now + leewaySeconds < iat.longValue()) {
            throw new TokenRejected("The access token is not valid yet.");
        }
        // RFC 9068 §2.2: sub, client_id and jti are REQUIRED
        String subject = text(claims, Claims.SUB);
        String clientId = text(claims, Claims.CLIENT_ID);
        String jti = text(claims, Claims.JTI);
        String scope = claims.getValue(Claims.SCOPE) == null ? "" : text(claims, Claims.SCOPE);
        String grantId = optionalText(claims, Claims.GRANT_ID);
        String sessionId = optionalText(claims, Claims.SESSION_ID);
        if (subject == null || clientId == null || jti == null || scope == null) {
            throw new TokenRejected("The token lacks required claims.");
        }
        return new VerifiedAccessToken(jti, issuer, subject, audience, clientId, scope, grantId, sessionId,
                iat.longValue(), exp.longValue());
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

    /** The claims of a token whose signature {@code key} verifies, with the key's own algorithm (RFC 8725 §3.1). */
    public static JsonObject signedClaims(ParsedToken token, VerificationKey key) {
        if (key == null || !key.kid().equals(token.kid())) {
            throw new TokenRejected("The token was not signed by this server.");
        }
        // RFC 8725 §3.1: the key's own algorithm, never the one the token asks for
        if (!key.alg().equals(token.alg())) {
            throw new TokenRejected("The token's algorithm does not match its key.");
        }
        if (!signatureValid(token, key)) {
            throw new TokenRejected("The token signature is invalid.");
        }
        return json(token.payloadSegment());
    }

    private static boolean signatureValid(ParsedToken token, VerificationKey key) {
        byte[] signature = decode(token.signatureSegment());
        // RFC 7518 §3.4: an ES256 signature is exactly R || S, 64 octets
        if (ES256.equals(key.alg()) && signature.length != 64) {
            return false;
        }
        try {
            Signature verifier = SIGNATURES.computeIfAbsent(key.alg(), AccessTokenVerifier::threadLocal).get();
            verifier.initVerify(key.key());
            verifier.update((token.headerSegment() + "." + token.payloadSegment()).getBytes(StandardCharsets.US_ASCII));
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

    private static JsonObject json(String segment) {
        try {
            return new JsonObject(Buffer.buffer(decode(segment)));
        } catch (RuntimeException e) {
            throw new TokenRejected("The access token is malformed.");
        }
    }

    private static byte[] decode(String segment) {
        try {
            return B64URL.decode(segment);
        } catch (IllegalArgumentException e) {
            throw new TokenRejected("The access token is malformed.");
        }
    }

    private static String optionalText(JsonObject claims, String name) {
        if (claims.getValue(name) == null) {
            return null;
        }
        String s = text(claims, name);
        if (s == null) {
            throw new TokenRejected("The token lacks required claims.");
        }
        return s;
    }

    /** A string claim safe to pass on in a header (no control characters), or null. */
    private static String text(JsonObject claims, String name) {
        if (!(claims.getValue(name) instanceof String s) || s.isEmpty() || s.length() > MAX_CLAIM_LENGTH) {
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
}
