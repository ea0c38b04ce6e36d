package io.latchkey.device.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class UserCodeGeneratorTest {

    @ParameterizedTest
    @ValueSource(strings = {"BCDF-GHJK", "bcdf-ghjk", "bcdf ghjk", "bcdfghjk", " BcDf -\tgHjK ", "B-C-D-F-G-H-J-K"})
    void typedVariantsNormalizeToTheCanonicalCode(String typed) {
        assertEquals("BCDFGHJK", io.latchkey.common.UserCodes.normalize(typed));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "BCDF-GHJ", "BCDF-GHJKL", "ABCD-EFGH", "BCDF-GHJ1", "BCDF_GHJK", "BCDF/GHJK"})
    void anythingElseIsNotAUserCode(String typed) {
        assertNull(io.latchkey.common.UserCodes.normalize(typed));
    }

    @Test
    void generatedCodesUseOnlyTheBase20Alphabet() {
        UserCodeGenerator codes = new UserCodeGenerator();
        for (int i = 0; i < 1000; i++) {
            String code = codes.generate();
            assertEquals(8, code.length());
            assertTrue(code.chars().allMatch(c -> io.latchkey.common.UserCodes.ALPHABET.indexOf(c) >= 0), code);
        }
    }

    @ParameterizedTest
    @CsvSource({"BCDFGHJK,BCDF-GHJK", "ZZZZXXXX,ZZZZ-XXXX"})
    void codesAreShownAsTwoGroupsOfFour(String canonical, String shown) {
        assertEquals(shown, io.latchkey.common.UserCodes.display(canonical));
    }

    @Test
    void everyLetterIsEquallyLikely() {
        // RFC 8628 §6.1: the entropy bound holds only if each letter is uniform (a plain byte % 20 favours 16 of them
        // by 13:12, which this test sees as a 6 % gap)
        UserCodeGenerator generator = new UserCodeGenerator();
        String alphabet = io.latchkey.common.UserCodes.ALPHABET;
        int[] counts = new int[alphabet.length()];
        int codes = 50_000;
        for (int i = 0; i < codes; i++) {
            generator.generate().chars().forEach(c -> counts[alphabet.indexOf(c)]++);
        }
        double expected = codes * 8.0 / alphabet.length();
        for (int i = 0; i < counts.length; i++) {
            assertTrue(Math.abs(counts[i] - expected) < 0.03 * expected, alphabet.charAt(i) + ": " + counts[i]);
        }
    }

    @Test
    void theUserCodeIsReadFromTheFirstDrawnBytesAndTheDeviceCodeSecretFromTheRest() {
        // one CSPRNG call per authorization: the user code's bytes and the device code's secret must not overlap
        DeviceCodes deviceCodes = new DeviceCodes();
        byte[] drawn = deviceCodes.random(UserCodeGenerator.RANDOM_BYTES);
        assertEquals(UserCodeGenerator.RANDOM_BYTES + DeviceCodes.SECRET_BYTES, drawn.length);
        byte[] userPart = java.util.Arrays.copyOf(drawn, UserCodeGenerator.RANDOM_BYTES);
        String userCode = new UserCodeGenerator().generate(drawn);
        String deviceCode = deviceCodes.generate("L".repeat(DeviceCodes.LOCATOR_LENGTH), drawn);

        // the same user-code bytes give the same user code, whatever follows them
        byte[] otherSecret = java.util.Arrays.copyOf(userPart, drawn.length);
        assertEquals(userCode, new UserCodeGenerator().generate(otherSecret));
        // the secret is exactly the last SECRET_BYTES, base64url
        byte[] secret = java.util.Base64.getUrlDecoder().decode(deviceCode.substring(DeviceCodes.LOCATOR_LENGTH));
        assertTrue(java.util.Arrays.equals(java.util.Arrays.copyOfRange(drawn, UserCodeGenerator.RANDOM_BYTES,
                drawn.length), secret));
        assertEquals(DeviceCodes.LENGTH, deviceCode.length());
    }

    @Test
    void drawnBytesThatRejectionSamplingUsesUpAreToppedUpFromTheGenerator() {
        // 0xff is always rejected (at or above 240): the code still comes out whole and in the alphabet
        byte[] rejected = new byte[UserCodeGenerator.RANDOM_BYTES];
        java.util.Arrays.fill(rejected, (byte) 0xff);
        String code = new UserCodeGenerator().generate(rejected);
        assertEquals(8, code.length());
        assertTrue(code.chars().allMatch(c -> io.latchkey.common.UserCodes.ALPHABET.indexOf(c) >= 0), code);
    }
}
