package io.latchkey.consent.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DeviceNamesTest {

    static Stream<Arguments> userAgents() {
        return Stream.of(
                // Chrome
                Arguments.of("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36", "Chrome on Windows"),
                Arguments.of("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36", "Chrome on macOS"),
                Arguments.of("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36", "Chrome on Linux"),
                Arguments.of("Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36", "Chrome on Android"),
                Arguments.of("Mozilla/5.0 (iPhone; CPU iPhone OS 17_7 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/131.0.6778.73 Mobile/15E148 Safari/604.1", "Chrome on iOS"),
                Arguments.of("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36", "Chrome on Linux"),
                Arguments.of("Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36", "Chrome on ChromeOS"),
                // Firefox
                Arguments.of("Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0", "Firefox on Windows"),
                Arguments.of("Mozilla/5.0 (Macintosh; Intel Mac OS X 14.7; rv:133.0) Gecko/20100101 Firefox/133.0", "Firefox on macOS"),
                Arguments.of("Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0", "Firefox on Linux"),
                Arguments.of("Mozilla/5.0 (Android 14; Mobile; rv:133.0) Gecko/133.0 Firefox/133.0", "Firefox on Android"),
                Arguments.of("Mozilla/5.0 (iPhone; CPU iPhone OS 17_7 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) FxiOS/133.0 Mobile/15E148 Safari/605.1.15", "Firefox on iOS"),
                // Safari
                Arguments.of("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15", "Safari on macOS"),
                Arguments.of("Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1", "Safari on iOS"),
                Arguments.of("Mozilla/5.0 (iPad; CPU OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1", "Safari on iOS"),
                // Edge
                Arguments.of("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.2903.70", "Edge on Windows"),
                Arguments.of("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.2903.70", "Edge on macOS"),
                Arguments.of("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.2903.70", "Edge on Linux"),
                Arguments.of("Mozilla/5.0 (Linux; Android 10; HD1913) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.6778.39 Mobile Safari/537.36 EdgA/131.0.2903.68", "Edge on Android"),
                Arguments.of("Mozilla/5.0 (iPhone; CPU iPhone OS 17_7 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 EdgiOS/131.2903.68 Mobile/15E148 Safari/605.1.15", "Edge on iOS"),
                // others
                Arguments.of("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 OPR/115.0.0.0", "Opera on Windows"),
                Arguments.of("Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/26.0 Chrome/122.0.0.0 Mobile Safari/537.36", "Samsung Internet on Android"),
                Arguments.of("curl/7.88.1", "curl 7.88"),
                Arguments.of("curl/8", "curl 8"),
                Arguments.of("latchkey-cli/0.1.0 (Linux; laptop-7)", "latchkey CLI on laptop-7 (Linux)"),
                Arguments.of("latchkey-cli/0.1.0 (Mac OS X; Anna's MacBook Pro)", "latchkey CLI on Anna's MacBook Pro (Mac OS X)"),
                Arguments.of("latchkey-cli/0.1", "latchkey CLI"),
                Arguments.of("python-requests/2.31.0", "python-requests 2.31.0"),
                Arguments.of("Go-http-client/1.1", "Go-http-client 1.1"),
                Arguments.of("Mozilla/5.0 (X11; Linux x86_64)", "Web browser on Linux"),
                // garbage
                Arguments.of("", DeviceNames.UNKNOWN),
                Arguments.of("   ", DeviceNames.UNKNOWN),
                Arguments.of("%%%%", DeviceNames.UNKNOWN),
                Arguments.of("\u0000\u0007\u001b[31m", DeviceNames.UNKNOWN),
                Arguments.of("();;//", DeviceNames.UNKNOWN),
                Arguments.of("curl/7.88.1\r\nX-Injected: 1", "curl 7.88"),
                Arguments.of("\u202e\u200bcurl/7.88.1", "curl 7.88"));
    }

    @ParameterizedTest(name = "{1} <- {0}")
    @MethodSource("userAgents")
    void aUserAgentReadsAsBrowserAndSystem(String userAgent, String expected) {
        assertEquals(expected, DeviceNames.of(userAgent, null));
    }

    @Test
    void noUserAgentAndNoDeviceNameIsAnUnknownDevice() {
        assertEquals(DeviceNames.UNKNOWN, DeviceNames.of(null, null));
        assertEquals(DeviceNames.UNKNOWN, DeviceNames.of(null, " \t "));
    }

    @Test
    void theReportedDeviceNameWinsOverTheUserAgent() {
        assertEquals("Kitchen TV", DeviceNames.of("curl/7.88.1", "Kitchen TV"));
        assertEquals("Kitchen TV", DeviceNames.of(null, "  Kitchen\u0000 TV\n"));
        assertEquals("latchkey CLI on build-box (Linux)", DeviceNames.of("latchkey-cli/0.1.0 (Linux; laptop-7)", "build-box"));
    }

    @Test
    void aTenKilobyteUserAgentGivesABoundedName() {
        String huge = "Mozilla/5.0 (X11; Linux x86_64) " + "A".repeat(10_240) + " Firefox/133.0";
        String name = DeviceNames.of(huge, null);
        assertEquals("Web browser on Linux", name); // only the first 512 characters are read
        assertTrue(DeviceNames.of("x".repeat(10_240), null).length() <= DeviceNames.MAX_NAME);
        assertTrue(DeviceNames.of(null, "y".repeat(10_240)).length() <= 64);
        assertTrue(DeviceNames.of("latchkey-cli/1 (Linux; " + "h".repeat(10_000) + ")", null).length() <= DeviceNames.MAX_NAME);
        assertTrue(DeviceNames.of("(".repeat(10_240) + ";".repeat(10_240), "\u0000".repeat(10_240)).length() <= DeviceNames.MAX_NAME);
    }

    @Test
    void whatComesBackIsAlwaysPrintable() {
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < 0x2100; c++) {
            all.append(c);
        }
        for (String s : new String[] {all.toString(), "latchkey-cli/1 (Li\u0085nux; ho\u2028st\u0000)", "\ud800\udc00\ud83d"}) {
            String name = DeviceNames.of(s, s);
            assertTrue(name.codePoints().noneMatch(cp -> Character.isISOControl(cp) || cp == 0x2028 || cp == 0x2029
                    || Character.getType(cp) == Character.FORMAT || Character.getType(cp) == Character.SURROGATE), name);
            assertTrue(name.length() <= DeviceNames.MAX_NAME, name);
        }
    }
}
