package io.latchkey.common.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RequestIdsTest {

    @ParameterizedTest(name = "kept: {0}")
    @ValueSource(strings = {"0123abcd", "partner-trace-0001", "a.b_c:d-EFGH", "0123456789abcdef0123456789abcdef"})
    void aWellFormedSingleIdIsKept(String id) {
        assertEquals(id, RequestIds.inbound(List.of(id)));
    }

    @ParameterizedTest(name = "replaced: [{0}]")
    @ValueSource(strings = {"short", "has space 123", "tab\there123", "quote\"1234567", "nul\u0000abcdefg",
            "newline\nInjected: 1", "cr\r\nInjected: 1", "ünïcödé-12345", "semi;colon1234", ""})
    void aMalformedIdIsReplaced(String id) {
        assertNull(RequestIds.inbound(List.of(id)));
    }

    @ParameterizedTest(name = "length {0}: kept {1}")
    @CsvSource({"7, false", "8, true", "64, true", "65, false", "4000, false"})
    void theLengthIsBounded(int length, boolean kept) {
        String id = "a".repeat(length);
        assertEquals(kept ? id : null, RequestIds.inbound(List.of(id)));
    }

    @org.junit.jupiter.api.Test
    void aRepeatedHeaderIsReplacedEvenWhenEachLineIsWellFormed() {
        assertNull(RequestIds.inbound(List.of("first-id-0001", "second-id-0002")));
        assertNull(RequestIds.inbound(List.of("same-id-00001", "same-id-00001")));
        assertNull(RequestIds.inbound(List.of()));
    }
}
