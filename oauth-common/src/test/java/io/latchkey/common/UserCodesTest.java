package io.latchkey.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UserCodesTest {

    @ParameterizedTest
    @ValueSource(strings = {"BCDF-GHJK", "bcdf-ghjk", "bcdfghjk", " BcDf GhJk ", "B-C-D-F-G-H-J-K", "bcdf\tghjk"})
    void codesAreCaseInsensitiveAndIgnoreDashesAndWhitespace(String typed) {
        assertEquals("BCDFGHJK", UserCodes.normalize(typed));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "--", "BCD", "BCDF/GHJK", "<script>", "BCDFGHJKBCDFGHJKBCDF"})
    void somethingThatCannotBeACodeIsRejectedBeforeAnyLookup(String typed) {
        assertNull(UserCodes.normalize(typed));
    }

    @ParameterizedTest
    @ValueSource(strings = {"BCDFGHJK"})
    void eightCharacterCodesAreDisplayedWithADash(String code) {
        assertEquals("BCDF-GHJK", UserCodes.display(code));
    }
}
