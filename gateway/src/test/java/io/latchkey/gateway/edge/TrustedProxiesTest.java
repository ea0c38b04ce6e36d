package io.latchkey.gateway.edge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TrustedProxiesTest {

    private final TrustedProxies trusted = TrustedProxies.of(List.of("10.0.0.0/8", " 192.168.1.128/25", "203.0.113.7", "fd00::/8", "::1"));

    @ParameterizedTest(name = "{0} trusted: {1}")
    @CsvSource({
            "10.1.2.3, true",
            "11.0.0.1, false",
            "192.168.1.200, true",
            "192.168.1.100, false",
            "203.0.113.7, true",
            "203.0.113.8, false",
            "fd12:3456::1, true",
            "fe80::1, false",
            "0:0:0:0:0:0:0:1, true",
            "127.0.0.1, false",
            "not-an-ip.example, false"})
    void aPeerIsTrustedOnlyInsideAConfiguredBlock(String peer, boolean expected) {
        assertEquals(expected, trusted.contains(peer));
    }

    @Test
    void anEmptyListTrustsNobody() {
        TrustedProxies none = TrustedProxies.of(List.of());
        assertFalse(none.contains("127.0.0.1"));
    }

    @Test
    void aHostNameOrBadPrefixIsAConfigurationError() {
        assertThrows(IllegalArgumentException.class, () -> TrustedProxies.of(List.of("proxy.example")));
        assertThrows(IllegalArgumentException.class, () -> TrustedProxies.of(List.of("10.0.0.0/33")));
    }
}
