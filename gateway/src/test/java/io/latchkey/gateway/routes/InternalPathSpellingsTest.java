package io.latchkey.gateway.routes;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.latchkey.gateway.support.StubServices;
import io.latchkey.testsupport.InternalPathSpellings;
import io.latchkey.testsupport.RawRequests;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * The gateway never forwards any spelling of /internal/ or /q/ to a service, on its own or behind a public prefix
 * route ({@code /account/}, {@code /api/v1/}): the stubs echo whatever reaches them, so an answer naming a service
 * would be a leak.
 */
@QuarkusTest
@WithTestResource(StubServices.class)
class InternalPathSpellingsTest {

    static Stream<String> spellings() {
        List<String> paths = new ArrayList<>();
        for (String rest : List.of("tokens", "clients/latchkey-cli", "device/user-codes/BCDF-GHJK/approve")) {
            paths.addAll(InternalPathSpellings.of(rest));
            for (String prefix : List.of("/account", "/api/v1")) {
                for (String spelling : InternalPathSpellings.of(rest)) {
                    paths.add(prefix + "/.." + spelling);
                    paths.add(prefix + "/%2e%2e" + spelling);
                    paths.add(prefix + "/..;" + spelling);
                    paths.add(prefix + "%2f.." + spelling);
                }
            }
        }
        for (String q : List.of("/q/openapi", "/q/health", "/q/dev-ui", "/q/metrics")) {
            paths.add(q.replace("/q/", "/%71/"));
            paths.add("/account/.." + q);
            paths.add("/account/%2e%2e" + q);
            paths.add("/api/v1/..;" + q);
            paths.add("/account%2f.." + q);
            paths.add("/Q" + q.substring(2));
            paths.add("//" + q.substring(1));
        }
        return paths.stream();
    }

    @ParameterizedTest(name = "{0} reaches no service")
    @MethodSource("spellings")
    void noSpellingOfAnInternalOrQuarkusPathIsForwarded(String path) {
        for (String method : List.of("GET", "POST")) {
            RawRequests.Answer answer = RawRequests.send(RestAssured.port, method, path,
                    "Content-Type: application/json\r\n", "{}");
            assertTrue(answer.status() == 400 || answer.status() == 404, method + " " + path + " answered " + answer.status());
            assertFalse(answer.body().contains("\"service\""), method + " " + path + " was forwarded: " + answer.body());
        }
    }
}
