package io.latchkey.common.jwt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Every rule of the one access-token verifier, as a table: each row breaks exactly one thing of a valid token. */
class AccessTokenVerifierTest {

    private static final String ISS = "https://issuer.example";
    private static final String AUD = "https://api.example";
    private static final long NOW = 1_900_000_000L;
    private static final long LEEWAY = 10;
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();
    private static final KeyPair EC = generate("EC");
    private static final KeyPair RSA = generate("RSA");
    private static final Map<String, VerificationKey> KEYS = Map.of(
            "ec-1", new VerificationKey("ec-1", "ES256", EC.getPublic()),
            "rsa-1", new VerificationKey("rsa-1", "RS256", RSA.getPublic()));

    private final AccessTokenVerifier verifier = new AccessTokenVerifier(ISS, AUD, LEEWAY);

    private static JsonObject header() {
        return new JsonObject().put("alg", "ES256").put("typ", "at+jwt").put("kid", "ec-1");
    }

    private static JsonObject claims() {
        return new JsonObject().put("iss", ISS).put("sub", "user-1").put("aud", AUD).put("exp", NOW + 300)
                .put("iat", NOW - 10).put("jti", "jti-1").put("client_id", "app").put("scope", "profile db:read")
                .put("gid", "grant-1").put("sid", "family-1");
    }

    static Stream<Arguments> rejected() {
        return Stream.of(
                row("wrong iss", h -> h, c -> c.put("iss", "https://evil.example"), "The token was issued for another issuer."),
                row("no iss", h -> h, c -> { c.remove("iss"); return c; }, "The token was issued for another issuer."),
                row("wrong aud", h -> h, c -> c.put("aud", "https://other.example"), "The token is meant for another audience."),
                row("aud list without us", h -> h, c -> c.put("aud", new JsonArray().add("x")), "The token is meant for another audience."),
                row("no aud", h -> h, c -> { c.remove("aud"); return c; }, "The token is meant for another audience."),
                row("typ JWT", h -> h.put("typ", "JWT"), c -> c, "The token is not an access token."),
                row("no typ", h -> { h.remove("typ"); return h; }, c -> c, "The token is not an access token."),
                row("alg none", h -> h.put("alg", "none"), c -> c, "The token is not signed with a supported algorithm."),
                row("alg HS256", h -> h.put("alg", "HS256"), c -> c, "The token is not signed with a supported algorithm."),
                row("alg not a string", h -> h.put("alg", 1), c -> c, "The token is not signed with a supported algorithm."),
                row("alg of another key type", h -> h.put("alg", "RS256"), c -> c, "The token's algorithm does not match its key."),
                row("missing kid", h -> { h.remove("kid"); return h; }, c -> c, "The token header is not acceptable."),
                row("crit header", h -> h.put("crit", new JsonArray().add("exp")), c -> c, "The token header is not acceptable."),
                row("unknown kid", h -> h.put("kid", "ec-2"), c -> c, "The token was not signed by this server."),
                row("expired beyond leeway", h -> h, c -> c.put("exp", NOW - LEEWAY), "The access token expired."),
                row("no exp", h -> h, c -> { c.remove("exp"); return c; }, "The access token expired."),
                row("exp not a number", h -> h, c -> c.put("exp", "soon"), "The access token expired."),
                row("nbf in the future", h -> h, c -> c.put("nbf", NOW + LEEWAY + 1), "The access token is not valid yet."),
                row("nbf not a number", h -> h, c -> c.put("nbf", "now"), "The access token is not valid yet."),
                row("iat in the future", h -> h, c -> c.put("iat", NOW + LEEWAY + 1), "The access token is not valid yet."),
                row("no iat", h -> h, c -> { c.remove("iat"); return c; }, "The access token is not valid yet."),
                row("no sub", h -> h, c -> { c.remove("sub"); return c; }, "The token lacks required claims."),
                row("no client_id", h -> h, c -> { c.remove("client_id"); return c; }, "The token lacks required claims."),
                row("no jti", h -> h, c -> { c.remove("jti"); return c; }, "The token lacks required claims."),
                row("sub with a control character", h -> h, c -> c.put("sub", "a\nb"), "The token lacks required claims."),
                row("scope not a string", h -> h, c -> c.put("scope", 5), "The token lacks required claims."),
                row("gid not a string", h -> h, c -> c.put("gid", 5), "The token lacks required claims."),
                row("sid not a string", h -> h, c -> c.put("sid", true), "The token lacks required claims."));
    }

    private static Arguments row(String name, UnaryOperator<JsonObject> header, UnaryOperator<JsonObject> claims,
                                 String description) {
        return Arguments.of(name, header, claims, description);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejected")
    void aTokenWithOneThingWrongIsRejected(String name, UnaryOperator<JsonObject> header, UnaryOperator<JsonObject> claims,
                                           String description) {
        String token = sign(header.apply(header()), claims.apply(claims()), EC, "SHA256withECDSAinP1363Format");
        TokenRejected e = assertThrows(TokenRejected.class, () -> verifier.verify(token, KEYS::get, NOW));
        assertEquals(description, e.description());
    }

    @Test
    void aValidTokenGivesItsClaims() {
        VerifiedAccessToken t = verifier.verify(sign(header(), claims(), EC, "SHA256withECDSAinP1363Format"), KEYS::get, NOW);
        assertEquals("jti-1", t.jti());
        assertEquals("user-1", t.subject());
        assertEquals("app", t.clientId());
        assertEquals("grant-1", t.grantId());
        assertEquals("family-1", t.sessionId());
        assertEquals(java.util.Set.of("profile", "db:read"), t.scopes());
        assertEquals(NOW + 300, t.expiresAt());
    }

    @Test
    void theLeewayAppliesToExpNbfAndIatAlike() {
        JsonObject claims = claims().put("exp", NOW - LEEWAY + 1).put("nbf", NOW + LEEWAY).put("iat", NOW + LEEWAY);
        verifier.verify(sign(header(), claims, EC, "SHA256withECDSAinP1363Format"), KEYS::get, NOW);
    }

    @Test
    void anRs256TokenVerifiesWithItsRsaKeyAndAnAudienceListAndApplicationTyp() {
        JsonObject header = header().put("alg", "RS256").put("kid", "rsa-1").put("typ", "application/at+jwt");
        JsonObject claims = claims().put("aud", new JsonArray().add("x").add(AUD));
        claims.remove("gid");
        claims.remove("sid");
        claims.remove("scope");
        VerifiedAccessToken t = verifier.verify(sign(header, claims, RSA, "SHA256withRSA"), KEYS::get, NOW);
        assertNull(t.grantId());
        assertNull(t.sessionId());
        assertEquals("", t.scope());
    }

    @Test
    void aTamperedPayloadOrAForeignKeyFailsTheSignature() {
        String token = sign(header(), claims(), EC, "SHA256withECDSAinP1363Format");
        String[] parts = token.split("\\.");
        String tampered = parts[0] + "." + b64(claims().put("sub", "admin").encode()) + "." + parts[2];
        assertEquals("The token signature is invalid.",
                assertThrows(TokenRejected.class, () -> verifier.verify(tampered, KEYS::get, NOW)).description());
        String foreign = sign(header(), claims(), generate("EC"), "SHA256withECDSAinP1363Format");
        assertEquals("The token signature is invalid.",
                assertThrows(TokenRejected.class, () -> verifier.verify(foreign, KEYS::get, NOW)).description());
        // RFC 7518 §3.4: a DER-encoded ECDSA signature (not 64 octets) is not a JWS signature
        String der = sign(header(), claims(), EC, "SHA256withECDSA");
        assertEquals("The token signature is invalid.",
                assertThrows(TokenRejected.class, () -> verifier.verify(der, KEYS::get, NOW)).description());
    }

    @Test
    void malformedTokensAreRejectedBeforeAnyKeyIsLookedUp() {
        for (String junk : new String[] {"", "abc", "a.b", "a.b.c.d", ".b.c", "a..c", "a.b.", "!!.b.c",
                b64("[]") + ".e30.c2ln", b64("not json") + ".e30.c2ln", "x".repeat(AccessTokenVerifier.MAX_LENGTH + 1)}) {
            assertThrows(TokenRejected.class, () -> verifier.verify(junk, kid -> {
                throw new AssertionError("looked up a key for " + junk);
            }, NOW), junk);
        }
        assertThrows(TokenRejected.class, () -> verifier.verify(null, KEYS::get, NOW));
    }

    private static String sign(JsonObject header, JsonObject claims, KeyPair key, String jca) {
        String input = b64(header.encode()) + "." + b64(claims.encode());
        try {
            Signature s = Signature.getInstance(jca);
            s.initSign(key.getPrivate());
            s.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + B64URL.encodeToString(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(String s) {
        return B64URL.encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static KeyPair generate(String family) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance(family);
            if ("EC".equals(family)) {
                g.initialize(new ECGenParameterSpec("secp256r1"));
            } else {
                g.initialize(2048);
            }
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
