package io.latchkey.consent.web;

import static io.latchkey.testsupport.HostileForms.assertRefusedQuickly;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.latchkey.consent.InternalServicesStub;
import io.latchkey.testsupport.FreshDatabase;
import io.latchkey.testsupport.HostileForms;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue 9 on the HTML routes: every form and every query that reaches the database or is echoed is read by the one
 * strict reader; malformed input gets a fast HTML error page (never a hang, a 500 or Quarkus' default page), and an
 * over-long {@code state} never reaches a Location header.
 */
@QuarkusTest
@QuarkusTestResource(FreshDatabase.class)
@QuarkusTestResource(InternalServicesStub.class)
class HostilePageInputTest {

    static final List<String> FORM_ROUTES = List.of("login", "logout", "device", "device/decision", "consent",
            "account/authorized-apps/5b0e6f3c-3f4e-4a39-9d0e-0c6b2b1f7a11/revoke",
            // issue 13: one session of an app, all apps
            "account/authorized-apps/5b0e6f3c-3f4e-4a39-9d0e-0c6b2b1f7a11/sessions/0c6b2b1f-3f4e-4a39-9d0e-5b0e6f3c7a11/revoke",
            "account/authorized-apps/revoke-all",
            // issue 12: partner pages and the operator console
            "partners/apply", "partners/apps/5b0e6f3c-3f4e-4a39-9d0e-0c6b2b1f7a11/secret",
            "partners/apps/5b0e6f3c-3f4e-4a39-9d0e-0c6b2b1f7a11/rotate",
            "partners/apps/5b0e6f3c-3f4e-4a39-9d0e-0c6b2b1f7a11/redirect-uris",
            "admin/console/applications/5b0e6f3c-3f4e-4a39-9d0e-0c6b2b1f7a11/approve",
            "admin/console/applications/5b0e6f3c-3f4e-4a39-9d0e-0c6b2b1f7a11/reject",
            "admin/console/users/5b0e6f3c-3f4e-4a39-9d0e-0c6b2b1f7a11/disable", "admin/console/clients/some-client/disable");

    @TestHTTPResource("/")
    URI root;

    @BeforeEach
    void warmUp() {
        HostileForms.warmUp(root.resolve("login"));
    }

    static Stream<Arguments> bodiesOnEveryForm() {
        return FORM_ROUTES.stream().flatMap(path -> HostileForms.BODIES.stream().map(body -> Arguments.of(path, body)));
    }

    @ParameterizedTest
    @MethodSource("bodiesOnEveryForm")
    void malformedFormsGetAnErrorPageAtOnce(String path, String body) {
        long start = System.nanoTime();
        assertErrorPage(assertRefusedQuickly(HostileForms.post(root.resolve(path), body), start, 400));
    }

    @Test
    void aBadEscapeInTheLastFieldDoesNotHangEvenWhenManyArriveTogether() {
        // issue 9: 'return_to=%zz' made consent-service never answer; 80 of them starved the gateway
        long start = System.nanoTime();
        List<CompletableFuture<HttpResponse<String>>> inFlight = Stream.iterate(0, i -> i + 1).limit(100)
                .map(i -> CompletableFuture.supplyAsync(() -> HostileForms.post(
                        root.resolve(FORM_ROUTES.get(i % FORM_ROUTES.size())), "csrf=x&return_to=%zz")))
                .toList();
        for (CompletableFuture<HttpResponse<String>> f : inFlight) {
            assertErrorPage(f.join());
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < 5000, "100 answers took " + millis + " ms");
    }

    @ParameterizedTest
    @MethodSource("formRoutes")
    void binaryGarbageGetsAnErrorPage(String path) {
        long start = System.nanoTime();
        assertErrorPage(assertRefusedQuickly(
                HostileForms.post(root.resolve(path), HostileForms.FORM, HostileForms.GARBAGE), start, 400));
    }

    @ParameterizedTest
    @MethodSource("formRoutes")
    void anUnknownCharsetGetsAnErrorPage(String path) {
        long start = System.nanoTime();
        assertErrorPage(assertRefusedQuickly(HostileForms.post(root.resolve(path),
                "application/x-www-form-urlencoded; charset=ebcdic", "csrf=x".getBytes(StandardCharsets.UTF_8)), start, 400));
    }

    @ParameterizedTest
    @MethodSource("formRoutes")
    void jsonToAFormGetsAnErrorPageNotTheDefaultOne(String path) {
        long start = System.nanoTime();
        HttpResponse<String> r = HostileForms.post(root.resolve(path), "application/json",
                "{\"csrf\":\"x\"}".getBytes(StandardCharsets.UTF_8));
        assertErrorPage(assertRefusedQuickly(r, start, 400));
    }

    @ParameterizedTest
    @MethodSource("formRoutes")
    void aBodyOverTheLimitIs413WithoutInternals(String path) {
        // 40 KB announced, over the 32 KiB limit (quarkus.http.limits.max-body-size)
        HostileForms.assertRefusedQuickly(HostileForms.rawPostOverLimit(root, path, 40_000), 413);
    }

    static Stream<String> formRoutes() {
        return FORM_ROUTES.stream();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "oauth/authorize?client_id=partner-web%00",
            "oauth/authorize?client_id=partner-web&client_id=%c3%28",
            "oauth/authorize?&=&",
            "oauth/authorize?state=" + "%0a",
            "login?return_to=%2F%00",
            "login?return_to=%ff",
            "device?user_code=%00",
            "device?user_code=%01",
    })
    void malformedQueriesGetAnErrorPage(String pathAndQuery) {
        HostileForms.RawAnswer a = HostileForms.assertRefusedQuickly(HostileForms.rawGet(root, pathAndQuery), 400);
        assertTrue(a.head().toLowerCase(Locale.ROOT).contains("content-type: text/html"), a.head());
        assertTrue(a.body().contains("Back to Latchkey"), a.body());
    }

    /** A bad escape in the query is refused by the HTTP layer before any resource runs: a bare 400, no redirect. */
    @ParameterizedTest
    @ValueSource(strings = {"oauth/authorize?client_id=%zz", "login?return_to=%zz", "device?user_code=%"})
    void badEscapesInTheQueryAre400WithoutARedirect(String pathAndQuery) {
        HostileForms.RawAnswer a = HostileForms.assertRefusedQuickly(HostileForms.rawGet(root, pathAndQuery), 400);
        assertTrue(!a.head().toLowerCase(Locale.ROOT).contains("location:"), a.head());
    }

    @ParameterizedTest
    @ValueSource(ints = {513, 1300})
    void aStateOverTheLimitIsRefusedBeforeItCanReachALocationHeader(int length) {
        String query = "response_type=code&client_id=partner-web&redirect_uri="
                + URLEncoder.encode(AuthorizeResourceTest.WEB_REDIRECT, StandardCharsets.UTF_8)
                + "&state=" + "%25".repeat(length);
        long start = System.nanoTime();
        HttpResponse<String> r = assertRefusedQuickly(HostileForms.get(root.resolve("oauth/authorize?" + query)), start, 400);
        assertErrorPage(r);
        assertTrue(r.headers().firstValue("Location").isEmpty(), "no redirect may carry it");
    }

    @Test
    void a20KbStateIsRefusedByTheHttpLayerWithoutARedirect() {
        // issue 9: a 20 KB state was echoed into Location; now the request line alone is over the server's limit
        HostileForms.RawAnswer a = HostileForms.rawGet(root, "oauth/authorize?response_type=code&client_id=partner-web"
                + "&state=" + "A".repeat(20_000));
        assertTrue(a.status() == 414 || a.status() == 400, a.head());
        assertTrue(!a.head().toLowerCase(Locale.ROOT).contains("location:"), a.head());
    }

    @Test
    void aStateAtTheLimitStillLeadsToSignIn() {
        String query = "response_type=code&client_id=partner-web&redirect_uri="
                + URLEncoder.encode(AuthorizeResourceTest.WEB_REDIRECT, StandardCharsets.UTF_8)
                + "&state=" + "s".repeat(512);
        HttpResponse<String> r = HostileForms.get(root.resolve("oauth/authorize?" + query));
        assertTrue(r.statusCode() == 303, "status " + r.statusCode());
        assertTrue(r.headers().firstValue("Location").orElse("").startsWith("/login?return_to="));
    }

    private static void assertErrorPage(HttpResponse<String> r) {
        assertTrue(r.statusCode() >= 400 && r.statusCode() < 500, "status " + r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), r.headers().toString());
        assertTrue(r.body().contains("Back to Latchkey"), r.body());
    }
}
