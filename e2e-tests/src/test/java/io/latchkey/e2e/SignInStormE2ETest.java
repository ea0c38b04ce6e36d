package io.latchkey.e2e;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 10: 50 sign-ins at once through the gateway, against consent-service on run.sh's heap (Platform.CONSENT_HEAP,
 * 64 MB). Argon2id takes 7 MiB per check; unbounded, this ran out of memory. Now every answer is a success (303), a 401, a 429 or a
 * 503 with Retry-After, never a 500, and the service stays healthy.
 */
@org.junit.jupiter.api.Order(9)
class SignInStormE2ETest {

    private static final int CONCURRENT = 50;
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    private static final Set<Integer> ALLOWED = Set.of(303, 401, 429, 503);

    static Platform platform;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void platform() {
        platform = Platform.get();
    }

    @Test
    void fiftyConcurrentSignInsGetNo500AndEveryRefusalSaysWhenToRetry() throws Exception {
        String base = platform.baseUrl().replace("localhost", "127.0.0.1");
        List<HttpRequest> posts = new ArrayList<>();
        for (int i = 0; i < CONCURRENT; i++) {
            // half real users with the right password, half guesses at accounts that do not exist
            boolean real = i % 2 == 0;
            posts.add(signInRequest(http, base, real ? Platform.DEMO_USER : "nobody-" + i + "@latchkey.dev",
                    real ? Platform.DEMO_PASSWORD : "guess-" + i));
        }
        List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
        for (HttpRequest post : posts) {
            sent.add(http.sendAsync(post, HttpResponse.BodyHandlers.ofString()));
        }
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (CompletableFuture<HttpResponse<String>> future : sent) {
            HttpResponse<String> r = future.join();
            statuses.merge(r.statusCode(), 1, Integer::sum);
            assertTrue(ALLOWED.contains(r.statusCode()), "status " + r.statusCode() + " in " + statuses);
            if (r.statusCode() == 503 || r.statusCode() == 429) {
                assertTrue(r.headers().firstValue("Retry-After").isPresent(), r.statusCode() + " without Retry-After");
                assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
            }
        }
        System.out.println("Sign-in storm answers: " + statuses);
        assertTrue(statuses.getOrDefault(303, 0) > 0, "some real users got in during the storm: " + statuses);

        String log = Files.readString(platform.consentService().logFile().toPath());
        assertFalse(log.contains("OutOfMemoryError"), "consent-service ran out of memory");

        // and right after the storm a user signs in normally
        HttpResponse<String> after = http.send(signInRequest(http, base, Platform.DEMO_USER, Platform.DEMO_PASSWORD),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(after.statusCode() == 303, "after the storm: " + after.statusCode());
    }

    /** GET /login for a CSRF cookie and field, then the POST that submits the form with them. */
    static HttpRequest signInRequest(HttpClient http, String base, String username, String password) throws Exception {
        HttpResponse<String> form = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher field = CSRF_FIELD.matcher(form.body());
        assertTrue(field.find(), "the sign-in form carries a CSRF field");
        String cookie = form.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("lk_csrf="))
                .map(c -> c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
                .findFirst().orElseThrow();
        String body = "username=" + enc(username) + "&password=" + enc(password) + "&csrf=" + enc(field.group(1));
        return HttpRequest.newBuilder(URI.create(base + "/login"))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", cookie)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
