package io.latchkey.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.latchkey.common.error.OAuthError;
import io.latchkey.common.error.OAuthException;

class FormDecoderTest {

    private static final String FORM = "application/x-www-form-urlencoded";

    static Stream<Arguments> acceptedBodies() {
        return Stream.of(
                Arguments.of("grant_type=client_credentials", Map.of("grant_type", List.of("client_credentials"))),
                Arguments.of("a=1&b=2", Map.of("a", List.of("1"), "b", List.of("2"))),
                Arguments.of("a=x+y%20z", Map.of("a", List.of("x y z"))),
                Arguments.of("redirect_uri=https%3A%2F%2Fapp.example%2Fcb", Map.of("redirect_uri", List.of("https://app.example/cb"))),
                Arguments.of("a=%c3%a9t%C3%A9", Map.of("a", List.of("été"))),
                Arguments.of("a=%F0%9F%94%91", Map.of("a", List.of("\uD83D\uDD11"))),
                Arguments.of("flag", Map.of("flag", List.of(""))),
                Arguments.of("a=", Map.of("a", List.of(""))),
                Arguments.of("a=1&&b=2&", Map.of("a", List.of("1"), "b", List.of("2"))),
                Arguments.of("", Map.of()),
                Arguments.of("a=1&a=2", Map.of("a", List.of("1", "2"))),
                Arguments.of("a=b=c", Map.of("a", List.of("b=c"))),
                Arguments.of("a=" + "x".repeat(2048), Map.of("a", List.of("x".repeat(2048)))),
                Arguments.of("state=" + "s".repeat(512), Map.of("state", List.of("s".repeat(512)))));
    }

    @ParameterizedTest
    @MethodSource("acceptedBodies")
    void wellFormedFormsAreDecoded(String body, Map<String, List<String>> expected) {
        assertEquals(expected, FormDecoder.body(FORM, body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void rawUtf8BytesAreAcceptedWhenWellFormed() {
        assertEquals(Map.of("name", List.of("Zoë")), FormDecoder.body(FORM, "name=Zoë".getBytes(StandardCharsets.UTF_8)));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "return_to=%zz",          // bad escape in the last field (hung consent-service)
            "grant_type=%ZZ",
            "a=%",
            "a=%4",
            "a=abc%",
            "a=%g0",
            "%zz=1",
            "a=%00",                  // NUL: PostgreSQL rejects it in text
            "a=x%00y",
            "%00=1",
            "a=%0a",                  // line feed
            "a=%0D",                  // carriage return
            "a=%09",                  // tab
            "a=%1f",
            "a=%7f",                  // DEL
            "password=p%00ss",        // passwords too: a browser's single-line input cannot hold controls
            "a=%c3",                  // truncated UTF-8 sequence
            "a=%c3%28",               // invalid continuation byte
            "a=%ff%fe",               // never valid UTF-8
            "a=%ed%a0%80",            // an encoded UTF-16 surrogate
            "a=%c0%af",               // overlong encoding of '/'
            "=1",                     // empty name
            "&=&",
            "=",
            "a=1&=2",
    })
    void malformedFormsAreInvalidRequests(String body) {
        assertInvalid(() -> FormDecoder.body(FORM, body.getBytes(StandardCharsets.ISO_8859_1)));
    }

    @Test
    void rawControlAndBinaryBytesAreRefused() {
        assertInvalid(() -> FormDecoder.body(FORM, new byte[] {'a', '=', 0, 'b'}));
        assertInvalid(() -> FormDecoder.body(FORM, new byte[] {'a', '=', '\n'}));
        assertInvalid(() -> FormDecoder.body(FORM, new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0}));
    }

    @Test
    void aValueOver2KiBIsRefused() {
        assertInvalid(() -> FormDecoder.body(FORM, ("a=" + "x".repeat(2049)).getBytes(StandardCharsets.UTF_8)));
        assertInvalid(() -> FormDecoder.body(FORM, ("a=" + "%41".repeat(2049)).getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aStateOverItsLimitIsRefused() {
        assertInvalid(() -> FormDecoder.query("state=" + "s".repeat(FormLimits.MAX_STATE_LENGTH + 1)));
    }

    @Test
    void aNameOverItsLimitIsRefused() {
        assertInvalid(() -> FormDecoder.body(FORM, ("n".repeat(65) + "=1").getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void moreThan64ParametersAreRefused() {
        StringBuilder sixtyFour = new StringBuilder("p0=0");
        for (int i = 1; i < 64; i++) {
            sixtyFour.append("&p").append(i).append('=').append(i);
        }
        assertEquals(64, FormDecoder.body(FORM, sixtyFour.toString().getBytes(StandardCharsets.UTF_8)).size());
        assertInvalid(() -> FormDecoder.body(FORM, (sixtyFour + "&p64=64").getBytes(StandardCharsets.UTF_8)));
        assertInvalid(() -> FormDecoder.body(FORM, "a=1&".repeat(1001).getBytes(StandardCharsets.UTF_8)));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "application/x-www-form-urlencoded",
            "Application/X-WWW-Form-URLEncoded",
            "application/x-www-form-urlencoded; charset=UTF-8",
            "application/x-www-form-urlencoded;charset=utf-8",
            "application/x-www-form-urlencoded; charset=\"utf-8\"",
            "application/x-www-form-urlencoded; foo=bar",
            "application/x-www-form-urlencoded; charset=ISO-8859-1",   // rest-assured's default: fine for ASCII
            "application/x-www-form-urlencoded; charset=us-ascii",
    })
    void formContentTypesWithoutOrWithUtf8CharsetAreAccepted(String contentType) {
        assertEquals(Map.of("a", List.of("1")), FormDecoder.body(contentType, "a=1".getBytes(StandardCharsets.UTF_8)));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "application/x-www-form-urlencoded; charset=ebcdic",
            "application/x-www-form-urlencoded; charset=utf-16",
            "application/x-www-form-urlencoded; charset=",
            "application/json",
            "text/plain",
            "multipart/form-data; boundary=x",
            "",
            ";;;",
    })
    void otherContentTypesAndCharsetsAreRefused(String contentType) {
        assertInvalid(() -> FormDecoder.body(contentType, "a=1".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aDeclaredLatin1FormThatIsNotAsciiIsRefused() {
        // %E9 is é in ISO-8859-1 but not UTF-8: only ASCII reads the same in both
        assertInvalid(() -> FormDecoder.body("application/x-www-form-urlencoded; charset=iso-8859-1",
                "name=%C3%A9".getBytes(StandardCharsets.US_ASCII)));
        assertInvalid(() -> FormDecoder.body("application/x-www-form-urlencoded; charset=iso-8859-1",
                "name=Zoë".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aMissingContentTypeIsRefused() {
        assertInvalid(() -> FormDecoder.body(null, "a=1".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aMissingBodyIsAnEmptyForm() {
        assertTrue(FormDecoder.body(FORM, null).isEmpty());
    }

    @Test
    void queryStringsFollowTheSameRules() {
        assertEquals(Map.of("user_code", List.of("BCDF-GHJK")), FormDecoder.query("user_code=BCDF-GHJK"));
        assertTrue(FormDecoder.query(null).isEmpty());
        assertInvalid(() -> FormDecoder.query("user_code=%00"));
        assertInvalid(() -> FormDecoder.query("state=%zz"));
    }

    @Test
    void repeatedParametersAreRefusedWhenRead() {
        Form form = Form.body(FORM, "a=1&a=2&b=&c=3".getBytes(StandardCharsets.UTF_8));
        // RFC 6749 §3.1: parameters MUST NOT be included more than once
        assertInvalid(() -> form.optional("a"));
        assertNull(form.optional("b"));
        assertNull(form.optional("missing"));
        assertEquals("3", form.required("c"));
        assertInvalid(() -> form.required("b"));
    }

    @Test
    void componentOrNullReportsMalformedWithoutThrowing() {
        byte[] bad = "%zz".getBytes(StandardCharsets.US_ASCII);
        assertNull(FormDecoder.componentOrNull(bad, 0, bad.length, 100));
        byte[] good = "urn%3Aietf".getBytes(StandardCharsets.US_ASCII);
        assertEquals("urn:ietf", FormDecoder.componentOrNull(good, 0, good.length, 100));
        assertNull(FormDecoder.componentOrNull(good, 0, good.length, 3), "too long is null too");
    }

    private static void assertInvalid(org.junit.jupiter.api.function.Executable call) {
        OAuthException e = assertThrows(OAuthException.class, call);
        assertEquals(OAuthError.INVALID_REQUEST, e.error());
    }
}
