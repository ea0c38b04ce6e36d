package io.latchkey.token.web;

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

import io.latchkey.testsupport.FreshDatabase;
import io.latchkey.testsupport.HostileForms;
import io.latchkey.token.TokenServiceProfile;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Issue 9: malformed bodies on the token, revocation and introspection endpoints get a fast 400, never a 500. */
@QuarkusTest
@TestProfile(TokenServiceProfile.class)
@QuarkusTestResource(FreshDatabase.class)
class HostileFormTest {

    @TestHTTPResource("/")
    URI root;

    @BeforeEach
    void warmUp() {
        HostileForms.warmUp(root.resolve("oauth/token"));
    }

    static Stream<Arguments> bodiesOnEveryEndpoint() {
        return Stream.of("oauth/token", "oauth/revoke", "oauth/introspect")
                .flatMap(path -> HostileForms.BODIES.stream().map(body -> Arguments.of(path, body)));
    }

    @ParameterizedTest
    @MethodSource("bodiesOnEveryEndpoint")
    void malformedFormsAreInvalidRequests(String path, String body) {
        long start = System.nanoTime();
        HttpResponse<String> r = HostileForms.post(root.resolve(path), body);
        assertInvalidRequest(assertRefusedQuickly(r, start, 400));
    }

    @ParameterizedTest
    @ValueSource(strings = {"oauth/token", "oauth/revoke", "oauth/introspect"})
    void binaryGarbageIsAnInvalidRequest(String path) {
        long start = System.nanoTime();
        assertInvalidRequest(assertRefusedQuickly(
                HostileForms.post(root.resolve(path), HostileForms.FORM, HostileForms.GARBAGE), start, 400));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "application/x-www-form-urlencoded; charset=ebcdic",
            "application/x-www-form-urlencoded; charset=utf-16",
            "application/json",
            "text/plain",
            "multipart/form-data; boundary=xyz"})
    void otherContentTypesAndCharsetsAreInvalidRequests(String contentType) {
        for (String path : new String[] {"oauth/token", "oauth/revoke", "oauth/introspect"}) {
            long start = System.nanoTime();
            HttpResponse<String> r = HostileForms.post(root.resolve(path), contentType,
                    "grant_type=client_credentials".getBytes(StandardCharsets.UTF_8));
            assertInvalidRequest(assertRefusedQuickly(r, start, 400));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"oauth/token", "oauth/revoke", "oauth/introspect"})
    void aBodyOverTheLimitIs413WithoutInternals(String path) {
        // 40 KB announced, over the 32 KiB limit (quarkus.http.limits.max-body-size)
        HostileForms.assertRefusedQuickly(HostileForms.rawPostOverLimit(root, path, 40_000), 413);
    }

    private static void assertInvalidRequest(HttpResponse<String> r) {
        assertTrue(r.body().contains("\"error\":\"invalid_request\""), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
    }
}
