package io.latchkey.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;

/**
 * Issue 15, what an operator sees: each OAuth outcome grows its Prometheus counter by exactly one on the service's
 * own management port; the gateway times each request by route; and /q/metrics is never reachable through the
 * gateway or on a service's public port.
 */
class ObservabilityE2ETest {

    static Platform platform;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void platform() {
        platform = Platform.get();
    }

    @Test
    void oneTokenOnePendingPollAndOneFailedSignInGrowTheirCountersByExactlyOne() throws Exception {
        String issued = "latchkey_tokens_issued_total{client_id=\"" + Platform.PARTNER_WEB + "\",grant_type=\"client_credentials\"}";
        String authorizations = "latchkey_device_authorizations_total{client_id=\"" + Platform.CLI + "\"}";
        String pending = "latchkey_device_polls_total{outcome=\"pending\"}";
        String failedSignIns = "latchkey_logins_total{outcome=\"failure\"}";
        String tokenRoute = "latchkey_gateway_requests_seconds_count{route=\"/oauth/token\"}";
        double issuedBefore = counter(platform.token, issued);
        double authorizationsBefore = counter(platform.device, authorizations);
        double pendingBefore = counter(platform.device, pending);
        double failedBefore = counter(platform.consent, failedSignIns);
        double tokenRouteBefore = counter(platform.gateway, tokenRoute);

        String base = platform.baseUrl();
        given().auth().preemptive().basic(Platform.PARTNER_WEB, Platform.PARTNER_WEB_SECRET)
                .formParam("grant_type", "client_credentials").formParam("scope", "db:read")
                .post(base + "/oauth/token").then().statusCode(200);
        JsonPath device = given().formParam("client_id", Platform.CLI).formParam("scope", "profile")
                .post(base + "/oauth/device_authorization").then().statusCode(200).extract().jsonPath();
        given().formParam("grant_type", "urn:ietf:params:oauth:grant-type:device_code")
                .formParam("client_id", Platform.CLI).formParam("device_code", device.getString("device_code"))
                .post(base + "/oauth/token").then().statusCode(400);
        HttpResponse<String> signIn = http.send(failedSignIn(http, base), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, signIn.statusCode());

        assertEquals(issuedBefore + 1, counter(platform.token, issued), issued);
        assertEquals(authorizationsBefore + 1, counter(platform.device, authorizations), authorizations);
        assertEquals(pendingBefore + 1, counter(platform.device, pending), pending);
        assertEquals(failedBefore + 1, counter(platform.consent, failedSignIns), failedSignIns);
        assertEquals(tokenRouteBefore + 2, counter(platform.gateway, tokenRoute), tokenRoute);
    }

    @Test
    void aRefusedClientAndARevokedTokenGrowTheirCountersByExactlyOne() {
        String refused = "latchkey_token_errors_total{error=\"invalid_client\",grant_type=\"client_credentials\"}";
        String revoked = "latchkey_revocations_total{kind=\"jti\"}";
        double refusedBefore = counter(platform.token, refused);
        double revokedBefore = counter(platform.token, revoked);

        String base = platform.baseUrl();
        given().auth().preemptive().basic(Platform.PARTNER_WEB, "not-the-secret")
                .formParam("grant_type", "client_credentials").post(base + "/oauth/token").then().statusCode(401);
        String token = given().auth().preemptive().basic(Platform.PARTNER_WEB, Platform.PARTNER_WEB_SECRET)
                .formParam("grant_type", "client_credentials").post(base + "/oauth/token").then().statusCode(200)
                .extract().path("access_token");
        // RFC 7009 §2.1: the token's own client revokes it
        given().auth().preemptive().basic(Platform.PARTNER_WEB, Platform.PARTNER_WEB_SECRET)
                .formParam("token", token).formParam("token_type_hint", "access_token")
                .post(base + "/oauth/revoke").then().statusCode(200);

        assertEquals(refusedBefore + 1, counter(platform.token, refused), refused);
        assertEquals(revokedBefore + 1, counter(platform.token, revoked), revoked);
    }

    @Test
    void everyServiceExportsItsPoolsAndCountersBeforeTheirFirstEvent() {
        // every outcome label exists from the start (0), so dashboards and alerts see the series at once
        String device = scrape(platform.device);
        for (String outcome : new String[] {"pending", "slow_down", "approved", "denied", "expired"}) {
            assertTrue(device.contains("latchkey_device_polls_total{outcome=\"" + outcome + "\"}"), outcome);
        }
        String consent = scrape(platform.consent);
        assertTrue(consent.contains("latchkey_logins_total{outcome=\"success\"}"), "logins");
        String token = scrape(platform.token);
        assertTrue(token.contains("latchkey_revocations_total{kind=\"grant\"}"), "revocations");
        String gateway = scrape(platform.gateway);
        assertTrue(gateway.contains("latchkey_rate_limited_total{route=\"/oauth/device_authorization\"}"), "rate limits");
        assertTrue(gateway.contains("latchkey_gateway_requests_seconds_bucket{route=\"/oauth/token\",le=\"0.005\"}"),
                "per-route histogram");
        // PostgreSQL and Redis connection pools (the Vert.x pool gauges: in use, idle, waiting)
        for (String pool : new String[] {"sql", "redis"}) {
            assertTrue(token.contains(pool + "_pool_active{") && token.contains(pool + "_pool_queue_size{"),
                    pool + " pool gauges in token-service:\n" + poolLines(token));
        }
        assertTrue(device.contains("redis_pool_active{"), "Redis pool gauges in device-service:\n" + poolLines(device));
    }

    @Test
    void metricsAreNeverReachableThroughTheGatewayNorOnAServicesPublicPort() {
        given().get(platform.baseUrl() + "/q/metrics").then().statusCode(404);
        given().get(platform.baseUrl() + "/q/metrics/").then().statusCode(404);
        for (ServiceProcess s : new ServiceProcess[] {platform.token, platform.device, platform.consent}) {
            given().get(s.url() + "/q/metrics").then().statusCode(404);
        }
    }

    private static String poolLines(String scrape) {
        return String.join("\n", java.util.Arrays.stream(scrape.split("\n")).filter(l -> l.contains("pool")).toList());
    }

    static String scrape(ServiceProcess s) {
        return given().get(s.managementUrl() + "/q/metrics").then().statusCode(200).extract().asString();
    }

    /** The value of one series (name and labels exactly as Prometheus writes them); 0 when it is not there yet. */
    static double counter(ServiceProcess s, String series) {
        for (String line : scrape(s).split("\n")) {
            if (line.startsWith(series + " ")) {
                return Double.parseDouble(line.substring(series.length() + 1).trim());
            }
        }
        return 0;
    }

    /**
     * A sign-in for an account nobody has (a wrong password for the demo user would count towards its back-off,
     * which other tests must not meet).
     */
    static HttpRequest failedSignIn(HttpClient http, String base) throws Exception {
        return SignInStormE2ETest.signInRequest(http, base, "nobody-" + java.util.UUID.randomUUID() + "@latchkey.dev",
                "not-the-password");
    }
}
