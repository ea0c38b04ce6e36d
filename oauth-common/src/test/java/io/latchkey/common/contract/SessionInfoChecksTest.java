package io.latchkey.common.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import io.latchkey.common.error.OAuthException;

class SessionInfoChecksTest {

    @Test
    void anAbsentSessionAndAbsentMembersAreFine() {
        assertNull(SessionInfoChecks.checked(null));
        assertEquals(new SessionInfo(null, null, null), SessionInfoChecks.checked(new SessionInfo(null, null, null)));
        assertEquals(new SessionInfo(null, null, null), SessionInfoChecks.checked(new SessionInfo("", "", "")),
                "empty members read as absent");
    }

    @ParameterizedTest
    @ValueSource(strings = {"203.0.113.9", "127.0.0.1", "::1", "2001:db8::8a2e:370:7334", "::ffff:192.0.2.1"})
    void ipLiteralsAreAccepted(String ip) {
        assertEquals(ip, SessionInfoChecks.checked(new SessionInfo(null, ip, null)).ip());
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "example.com", "deadbeef", "1.2.3", "256.1.1.1", "1.2.3.4, 5.6.7.8",
            "::1::2", " 1.2.3.4", "1.2.3.4\n", "fe80::1%25eth0eth0eth0eth0eth0eth0eth0eth0eth0eth0eth0eth0"})
    void anythingButAnIpLiteralIsInvalidRequest(String ip) {
        assertInvalid(new SessionInfo(null, ip, null));
    }

    @Test
    void theUserAgentIsBoundedTo512Characters() {
        assertNotNull(SessionInfoChecks.checked(new SessionInfo("a".repeat(512), null, null)));
        assertInvalid(new SessionInfo("a".repeat(513), null, null));
    }

    @Test
    void theDeviceNameIsAtMost64PrintableCharacters() {
        assertEquals("laptop-7 (Linux) ✓", SessionInfoChecks.checked(new SessionInfo(null, null, "laptop-7 (Linux) ✓")).deviceName());
        assertNotNull(SessionInfoChecks.checked(new SessionInfo(null, null, "d".repeat(64))));
        assertInvalid(new SessionInfo(null, null, "d".repeat(65)));
        assertInvalid(new SessionInfo(null, null, "line\nbreak"));
        assertInvalid(new SessionInfo(null, null, "nul\u0000"));
        assertInvalid(new SessionInfo(null, null, "bidi\u202e"));
        assertInvalid(new SessionInfo(null, null, "lone\ud800"));
    }

    private static void assertInvalid(SessionInfo s) {
        OAuthException e = assertThrows(OAuthException.class, () -> SessionInfoChecks.checked(s));
        assertEquals("invalid_request", e.error().code());
    }
}
