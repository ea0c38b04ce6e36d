package io.latchkey.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;

/**
 * Issue 10: a per-client limit of N per window holds across two gateway replicas (the counters live in Redis), answers
 * 429 with Retry-After and an RFC 6749-style body beyond it, and admits N again once the window has passed.
 */
@org.junit.jupiter.api.Order(8)
class RateLimitE2ETest {

    private static final int N = Integer.parseInt(Platform.LIMITED_RATE.substring(0, Platform.LIMITED_RATE.indexOf('/')));
    private static final Duration WINDOW = Duration.ofSeconds(8);

    static Platform platform;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void platform() {
        platform = Platform.get();
        platform.sql("INSERT INTO token.clients (client_id, client_name, client_type, grant_types, scopes) VALUES ('"
                + Platform.LIMITED_CLIENT + "', 'Rate-limited test CLI', 'public', "
                + "'{urn:ietf:params:oauth:grant-type:device_code}', '{profile}') ON CONFLICT DO NOTHING");
    }

    @Test
    void aLimitOfNPerWindowAdmitsNInTotalAcrossBothGatewaysAndRecoversAfterTheWindow() throws Exception {
        List<HttpResponse<String>> burst = burst(3 * N);
        assertEquals(N, count(burst, 200), statuses(burst));
        assertEquals(2 * N, count(burst, 429), statuses(burst));
        for (HttpResponse<String> r : burst) {
            if (r.statusCode() == 200) {
                assertTrue(JsonPath.from(r.body()).getString("device_code") != null);
            } else {
                long retryAfter = Long.parseLong(r.headers().firstValue("Retry-After").orElseThrow());
                assertTrue(retryAfter >= 1 && retryAfter <= WINDOW.toSeconds(), "Retry-After " + retryAfter);
                assertEquals("too_many_requests", JsonPath.from(r.body()).getString("error"));
                assertEquals("no-store", r.headers().firstValue("Cache-Control").orElse(null));
            }
        }
        // each replica took half the burst (more than N), yet only N were admitted in all: one budget, two gateways
        assertEquals(2, burst.stream().map(r -> r.uri().getPort()).distinct().count());

        Thread.sleep(WINDOW.toMillis() + 500);
        List<HttpResponse<String>> after = burst(N);
        assertEquals(N, count(after, 200), "after the window the whole budget is back: " + statuses(after));
    }

    /** {@code total} device authorizations at once, alternating between the two gateways. */
    private List<HttpResponse<String>> burst(int total) {
        List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            String base = i % 2 == 0 ? platform.baseUrl() : platform.secondGatewayUrl();
            HttpRequest request = HttpRequest.newBuilder(URI.create(base.replace("localhost", "127.0.0.1")
                            + "/oauth/device_authorization"))
                    .timeout(Duration.ofSeconds(20))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("client_id=" + Platform.LIMITED_CLIENT + "&scope=profile"))
                    .build();
            sent.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
        }
        return sent.stream().map(CompletableFuture::join).toList();
    }

    private static long count(List<HttpResponse<String>> responses, int status) {
        return responses.stream().filter(r -> r.statusCode() == status).count();
    }

    private static String statuses(List<HttpResponse<String>> responses) {
        return responses.stream().map(r -> r.uri().getPort() + ":" + r.statusCode()).toList().toString();
    }
}
