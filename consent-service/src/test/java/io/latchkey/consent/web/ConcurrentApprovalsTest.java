package io.latchkey.consent.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.latchkey.consent.Browser;
import io.latchkey.consent.InternalServicesStub;
import io.latchkey.consent.TestUsers;
import io.latchkey.common.Scopes;
import io.latchkey.testsupport.FreshDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * First approvals of one user to one client, fired all at once: each is answered (no 5xx from the grants unique
 * index), one active grant row holds the union of the approved scopes, and the audit trail has every approval.
 */
@QuarkusTest
@QuarkusTestResource(FreshDatabase.class)
@QuarkusTestResource(InternalServicesStub.class)
class ConcurrentApprovalsTest {

    private static final int N = 20;
    private static final List<String> SCOPES = List.of("profile", "db:read", "db:write");
    private static final String ALPHABET = "BCDFGHJKLMNPQRSTVWXZ";

    @TestHTTPResource("/")
    URI base;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void twentyConcurrentConsentAllowsAllSucceedIntoOneGrantWithTheUnionOfScopes() throws Exception {
        String username = newUser();
        Browser browser = signIn(username);
        String csrf = Browser.csrfOf(browser.getQuery("/oauth/authorize", "response_type", "code", "client_id",
                "partner-web", "redirect_uri", "http://127.0.0.1:9090/callback", "scope", "profile"));
        List<HttpRequest> allows = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            Map<String, String> form = new LinkedHashMap<>();
            form.put("csrf", csrf);
            form.put("client_id", "partner-web");
            form.put("redirect_uri", "http://127.0.0.1:9090/callback");
            form.put("response_type", "code");
            form.put("scope", SCOPES.get(i % SCOPES.size()));
            form.put("state", "race-" + i);
            form.put("decision", "allow");
            allows.add(post(browser, "/consent", form));
        }

        List<HttpResponse<String>> answers = fireTogether(allows);

        for (HttpResponse<String> r : answers) {
            assertEquals(303, r.statusCode(), r.body());
            assertTrue(r.headers().firstValue("Location").orElse("").startsWith("http://127.0.0.1:9090/callback?code="),
                    r.headers().toString());
        }
        assertOneGrantWithAllScopes(username, "partner-web", "web");
    }

    @Test
    void twentyConcurrentDeviceApprovalsAllSucceedIntoOneGrantWithTheUnionOfScopes() throws Exception {
        String username = newUser();
        List<HttpRequest> approvals = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            // a session remembers one entered code, so each approval comes from its own browser session
            Browser browser = signIn(username);
            String code = newCode();
            InternalServicesStub.pending(code, "latchkey-cli", SCOPES.get(i % SCOPES.size()));
            String csrf = Browser.csrfOf(browser.get("/device"));
            assertEquals(303, browser.post("/device", Map.of("user_code", code, "csrf", csrf)).statusCode());
            approvals.add(post(browser, "/device/decision", Map.of("user_code", code, "decision", "approve", "csrf", csrf)));
        }

        List<HttpResponse<String>> answers = fireTogether(approvals);

        for (HttpResponse<String> r : answers) {
            // post/redirect/get: each approval answers 303 to its outcome page
            assertEquals(303, r.statusCode(), r.body());
            assertEquals("/device/done", r.headers().firstValue("Location").orElse(null));
        }
        assertOneGrantWithAllScopes(username, "latchkey-cli", "device");
    }

    private static void assertOneGrantWithAllScopes(String username, String clientId, String via) throws Exception {
        UUID userId = TestUsers.idOf(username);
        List<Map<String, Object>> grants = TestUsers.query(
                "select id, scopes, via from consent.grants where user_id = ? and client_id = ?", userId, clientId);
        assertEquals(1, grants.size(), grants.toString());
        assertEquals(new HashSet<>(SCOPES), Scopes.parse((String) grants.get(0).get("scopes")));
        assertEquals(via, grants.get(0).get("via"));
        List<Map<String, Object>> audit = TestUsers.query(
                "select grant_id from consent.audit_events where user_id = ? and action = 'authorize'", userId);
        assertEquals(N, audit.size(), "every approval is in the audit trail");
        Set<Object> grantIds = audit.stream().map(a -> a.get("grant_id")).collect(Collectors.toSet());
        assertEquals(Set.of(grants.get(0).get("id")), grantIds, "every approval names the one grant");
    }

    /** Sends every request at the same moment, each on its own connection; returns the answers in order. */
    private List<HttpResponse<String>> fireTogether(List<HttpRequest> requests) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(requests.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> futures = new ArrayList<>();
            for (HttpRequest request : requests) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return http.send(request, HttpResponse.BodyHandlers.ofString());
                }));
            }
            start.countDown();
            List<HttpResponse<String>> out = new ArrayList<>();
            for (Future<HttpResponse<String>> f : futures) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private HttpRequest post(Browser browser, String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        String cookies = browser.cookies.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("; "));
        return HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .header("Cookie", cookies)
                .header("X-Forwarded-For", browser.ip)
                .header("User-Agent", "TestBrowser/1.0")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private static String newUser() throws Exception {
        String username = "race-" + UUID.randomUUID() + "@latchkey.dev";
        TestUsers.create(username, "pw-" + username, false);
        return username;
    }

    private static Browser signIn(String username) {
        Browser browser = new Browser();
        assertEquals(303, browser.signIn(username, "pw-" + username).statusCode());
        browser.username = username;
        return browser;
    }

    private static String newCode() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            sb.append(ALPHABET.charAt(ThreadLocalRandom.current().nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
