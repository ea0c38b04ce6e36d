package io.latchkey.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RedirectUrisTest {

    private static final List<String> WEB = List.of("https://app.example/callback");
    private static final List<String> NATIVE = List.of("http://127.0.0.1/callback", "http://[::1]/cb");

    @ParameterizedTest(name = "{0} client, {1} -> {2}")
    @CsvSource({
            // RFC 9700 §2.1: exact string match
            "web, https://app.example/callback, true",
            "web, https://app.example/callback/, false",
            "web, https://APP.example/callback, false",
            "web, https://app.example/callback?x=1, false",
            "web, https://app.example:443/callback, false",
            // RFC 8252 §7.3: a native client's loopback redirect may vary only the port
            "native, http://127.0.0.1:51234/callback, true",
            "native, http://[::1]:8000/cb, true",
            "native, http://127.0.0.1:51234/other, false",
            "native, http://localhost:51234/callback, false",
            "native, https://127.0.0.1:51234/callback, false",
            "native, http://127.0.0.1:51234/callback#frag, false",
            "native, http://user@127.0.0.1:51234/callback, false",
    })
    void aRedirectUriMatchesOnlyAsTheRfcsAllow(String client, String presented, boolean expected) {
        boolean nativeClient = "native".equals(client);
        assertEquals(expected, RedirectUris.matches(nativeClient ? NATIVE : WEB, nativeClient, presented));
    }

    @ParameterizedTest
    @CsvSource({"http://127.0.0.1:9999/callback"})
    void aConfidentialClientGetsNoPortLeeway(String presented) {
        assertEquals(false, RedirectUris.matches(NATIVE, false, presented));
    }
}
