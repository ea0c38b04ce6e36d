package io.latchkey.gateway.edge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClientAddressTest {

    /** 10.0.0.0/8: the ingress pods; 192.0.2.10: a CDN edge the operator also trusts. */
    private final TrustedProxies trusted = TrustedProxies.of(List.of("10.0.0.0/8", "192.0.2.10", "fd00::/8"));

    @ParameterizedTest(name = "peer {0}, X-Forwarded-For [{1}] -> {2}")
    @CsvSource(delimiter = ';', value = {
            // an untrusted peer is the client, whatever it writes
            "203.0.113.5; 198.51.100.1; 203.0.113.5",
            // a trusted proxy appended the address it saw: that one, not the client-written left part
            "10.0.0.7; 198.51.100.1, 203.0.113.5; 203.0.113.5",
            // several trusted hops are skipped from the right
            "10.0.0.7; 198.51.100.1, 203.0.113.5, 192.0.2.10; 203.0.113.5",
            "10.0.0.7; 198.51.100.1, 203.0.113.5, 192.0.2.10, 10.1.1.1; 203.0.113.5",
            // several header lines are one list, in order
            "10.0.0.7; 198.51.100.1 | 203.0.113.5; 203.0.113.5",
            "10.0.0.7; 198.51.100.1, 203.0.113.5 | 192.0.2.10; 203.0.113.5",
            // a malformed entry stops the walk: the last trusted hop stands in for the unknown client
            "10.0.0.7; 198.51.100.1, not-an-ip, 192.0.2.10; 192.0.2.10",
            "10.0.0.7; 198.51.100.1, evil.example; 10.0.0.7",
            "10.0.0.7; 198.51.100.1,,203.0.113.5; 203.0.113.5",
            "10.0.0.7; 198.51.100.1, , 192.0.2.10; 192.0.2.10",
            // no chain at all, or only trusted hops: the leftmost trusted hop
            "10.0.0.7; ; 10.0.0.7",
            "10.0.0.7; 10.9.9.9; 10.9.9.9",
            // ports and IPv6 forms
            "10.0.0.7; 198.51.100.1, 203.0.113.5:4711; 203.0.113.5",
            "10.0.0.7; 198.51.100.1, [2001:db8::5]:4711; 2001:db8::5",
            "10.0.0.7; 198.51.100.1, 2001:db8::5; 2001:db8::5",
            "10.0.0.7; 2001:db8::6, fd00::1; 2001:db8::6",
            // a name is never resolved, it is malformed
            "10.0.0.7; 198.51.100.1, abc; 10.0.0.7",
            "10.0.0.7; 198.51.100.1, 12345; 10.0.0.7"})
    void theClientIsTheRightmostAddressNoTrustedProxyWrote(String peer, String chain, String expected) {
        List<String> lines = chain == null ? List.of() : Arrays.stream(chain.split("\\|")).map(String::trim).toList();
        String client = trusted.contains(peer) ? ClientAddress.resolve(peer, lines, trusted) : peer;
        assertEquals(expected, client);
    }
}
