package io.latchkey.common.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SecretsTest {

    @ParameterizedTest(name = "sha256({0})")
    @CsvSource(value = {
            // FIPS 180-4 examples (NIST CSRC): "" and "abc"
            "'',  e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855, 47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU",
            "abc, ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad, ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0",
    })
    void whenAValueIsHashedThenTheKnownSha256VectorComesOut(String value, String hex, String base64url) {
        assertEquals(hex, Secrets.sha256Hex(value));
        assertEquals(base64url, Secrets.sha256Base64Url(value));
        assertArrayEquals(HexFormat.of().parseHex(hex), Secrets.sha256(value.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void whenManyThreadsHashAtOnceThenEveryHashIsRight() {
        // the prototype digest is shared: clones must never see another thread's input
        ConcurrentHashMap<String, String> wrong = new ConcurrentHashMap<>();
        IntStream.range(0, 20_000).parallel().forEach(i -> {
            String expected = i % 2 == 0 ? "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
                    : "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
            String actual = Secrets.sha256Hex(i % 2 == 0 ? "abc" : "");
            if (!expected.equals(actual)) {
                wrong.put(Integer.toString(i), actual);
            }
        });
        assertEquals(0, wrong.size());
    }

    @Test
    void whenATokenIsDrawnThenItIs256BitsOfBase64UrlAndNeverRepeats() {
        String a = Secrets.random256();
        assertEquals(43, a.length());
        assertTrue(Secrets.isRandom256(a));
        assertNotEquals(a, Secrets.random256());
        assertEquals(22, Secrets.random(16).length());
    }

    @ParameterizedTest(name = "[{0}] has the shape of a token: {1}")
    @CsvSource(value = {
            "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk,  true",
            "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjX,   false",
            "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXkk, false",
            "dBjftJeZ4CVP+mB92K27uhbUJU1p1r_wW1gFWFOEjXk,  false",
            "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjX=,  false",
            "NULL,                                         false",
    }, nullValues = "NULL")
    void whenACookieIsCheckedThenOnlyTheShapeOfARandomTokenPasses(String token, boolean expected) {
        assertEquals(expected, Secrets.isRandom256(token));
    }

    @ParameterizedTest(name = "[{0}] is base64url: {1}")
    @CsvSource(value = {"abc-_XYZ09, true", "'', false", "NULL, false", "a.b.c, false", "ab==, false", "a/b, false"},
            nullValues = "NULL")
    void whenAValueIsCheckedThenOnlyTheRfc4648Section5AlphabetPasses(String value, boolean expected) {
        // RFC 4648 §5: A-Z a-z 0-9 - _, no padding
        assertEquals(expected, Secrets.isBase64Url(value));
    }

    @Test
    void whenSecretsAreComparedThenMissingNeverMatches() {
        assertTrue(Secrets.same("x", "x"));
        assertFalse(Secrets.same("x", "y"));
        assertFalse(Secrets.same("", ""));
        assertFalse(Secrets.same(null, null));
        assertTrue(Secrets.matches("s3cret", Secrets.sha256("s3cret")));
        assertFalse(Secrets.matches("s3cret", Secrets.sha256("other")));
        assertFalse(Secrets.matches(null, Secrets.sha256("")));
        assertFalse(Secrets.matches("s3cret", null));
    }
}
