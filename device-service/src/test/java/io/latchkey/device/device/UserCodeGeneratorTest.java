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
}
