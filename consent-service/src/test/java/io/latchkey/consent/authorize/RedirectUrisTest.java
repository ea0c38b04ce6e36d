package io.latchkey.consent.authorize;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.latchkey.common.contract.ClientInfo;

class RedirectUrisTest {

    private static final ClientInfo WEB = new ClientInfo("web", "Web", "confidential",
            List.of("https://app.example/cb", "http://127.0.0.1:9090/callback"), List.of(), List.of(), null, null, false);
    private static final ClientInfo NATIVE = new ClientInfo("native", "Native", "public",
            List.of("http://127.0.0.1/callback", "http://[::1]/cb", "com.example.app:/oauth"), List.of(), List.of(), null, null, false);

    @ParameterizedTest(name = "{0} {1} → {2}")
    @CsvSource({
            "web, https://app.example/cb, true",
            "web, https://app.example/cb/, false",
            "web, https://APP.example/cb, false",
            "web, https://app.example/cb?x=1, false",
            "web, https://app.example/cb#f, false",
            "web, http://127.0.0.1:9090/callback, true",
            // a confidential client's loopback URI is exact, port included
            "web, http://127.0.0.1:9091/callback, false",
            "native, http://127.0.0.1:50123/callback, true",
            "native, http://127.0.0.1/callback, true",
            "native, http://[::1]:4000/cb, true",
            "native, http://localhost:50123/callback, false",
            "native, http://127.0.0.1:50123/callback/, false",
            "native, http://127.0.0.1:50123/callback?x=1, false",
            "native, http://user@127.0.0.1:50123/callback, false",
            "native, https://127.0.0.1:50123/callback, false",
            "native, com.example.app:/oauth, true",
            "native, com.example.app:/oauth2, false"})
    void redirectUrisMatchExactlyExceptANativeLoopbackPort(String client, String presented, boolean expected) {
        assertEquals(expected, ("web".equals(client) ? WEB : NATIVE).registersRedirectUri(presented));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "http://127.0.0.1:9090/callback, http://127.0.0.1:9090",
            "https://app.example/cb?x=1, https://app.example",
            "http://[::1]:4000/cb, http://[::1]:4000",
            "com.example.app:/oauth, com.example.app:"})
    void formActionSourceIsTheRedirectOrigin(String uri, String source) {
        assertEquals(source, FormActionSource.of(uri));
    }
}
