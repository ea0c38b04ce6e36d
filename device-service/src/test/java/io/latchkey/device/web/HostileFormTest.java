package io.latchkey.device.web;

import static io.latchkey.testsupport.HostileForms.assertRefusedQuickly;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.latchkey.device.support.FakeTokenService;
import io.latchkey.device.support.RandomKeyPrefix;
import io.latchkey.testsupport.HostileForms;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** Issue 9: malformed bodies on the device authorization and device-code token endpoints get a fast 400. */
@QuarkusTest
@QuarkusTestResource(RandomKeyPrefix.class)
@QuarkusTestResource(FakeTokenService.class)
class HostileFormTest {

    @TestHTTPResource("/")
    URI root;

    @BeforeEach
    void warmUp() {
        HostileForms.warmUp(root.resolve("oauth/token"));
    }

    static Stream<Arguments> bodiesOnEveryEndpoint() {
        return Stream.of("oauth/device_authorization", "oauth/token")
                .flatMap(path -> HostileForms.BODIES.stream().map(body -> Arguments.of(path, body)));
    }

    @ParameterizedTest
    @MethodSource("bodiesOnEveryEndpoint")
    void malformedFormsAreInvalidRequests(String path, String body) {
        long start = System.nanoTime();
        assertInvalidRequest(assertRefusedQuickly(HostileForms.post(root.resolve(path), body), start, 400));
    }

    @ParameterizedTest
    @ValueSource(strings = {"oauth/device_authorization", "oauth/token"})
    void binaryGarbageIsAnInvalidRequest(String path) {
        long start = System.nanoTime();
        assertInvalidRequest(assertRefusedQuickly(
                HostileForms.post(root.resolve(path), HostileForms.FORM, HostileForms.GARBAGE), start, 400));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "application/x-www-form-urlencoded; charset=ebcdic",
            "application/json",
            "text/plain"})
    void otherContentTypesAndCharsetsAreInvalidRequests(String contentType) {
        for (String path : new String[] {"oauth/device_authorization", "oauth/token"}) {
            long start = System.nanoTime();
            HttpResponse<String> r = HostileForms.post(root.resolve(path), contentType,
                    "client_id=latchkey-cli".getBytes(StandardCharsets.UTF_8));
            assertInvalidRequest(assertRefusedQuickly(r, start, 400));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"oauth/device_authorization", "oauth/token"})
    void aBodyOverTheLimitIs413WithoutInternals(String path) {
        // 40 KB announced, over the 32 KiB limit (quarkus.http.limits.max-body-size)
        HostileForms.assertRefusedQuickly(HostileForms.rawPostOverLimit(root, path, 40_000), 413);
    }

    private static void assertInvalidRequest(HttpResponse<String> r) {
        assertTrue(r.body().contains("\"error\":\"invalid_request\""), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
    }
}
