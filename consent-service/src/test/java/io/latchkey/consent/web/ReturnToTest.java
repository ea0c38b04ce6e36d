package io.latchkey.consent.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReturnToTest {

    @ParameterizedTest
    @ValueSource(strings = {"//evil.example", "https://evil.example", "/\\evil", "\\\\evil", "javascript:alert(1)",
            "evil.example", "/\t/evil.example", "/\n/evil.example", "", " /device"})
    void anythingButASingleSlashRelativePathGoesHome(String candidate) {
        assertEquals("/", ReturnTo.safe(candidate));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/device", "/device?user_code=BCDF-GHJK", "/oauth/authorize?client_id=a&state=b"})
    void relativePathsAreKept(String candidate) {
        assertEquals(candidate, ReturnTo.safe(candidate));
    }
}
