package io.latchkey.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 17: the platform on a three-master Redis Cluster (deploy/local/redis-cluster.sh; the pom's
 * {@code redis-cluster} profile runs this class with DeviceFlowE2ETest, TokenLifecycleE2ETest and RateLimitE2ETest
 * against it). Here: authorization codes with PKCE (record and challenge marker in different slots) work there and
 * this run's keys really are on the cluster, spread over its masters, not on the single Redis; the revocation
 * script's keys share their hash tag, and a revocation published there reaches both gateways, whose subscriptions
 * hold a connection to one of the masters. Skipped when the platform runs on the single Redis.
 */
@org.junit.jupiter.api.Order(9)
class RedisClusterE2ETest {

    private static final String REDIRECT = "http://127.0.0.1:9090/callback";

    static Platform platform;

    @BeforeAll
    static void platform() {
        Assumptions.assumeTrue(Platform.onRedisCluster(), "runs in the redis-cluster execution only (test.sh)");
        platform = Platform.get();
    }

    @Test
    void authorizationCodesWithPkceWorkOnTheClusterAndTheirKeysSpreadOverItsMasters() throws Exception {
        // 12 codes, each with its own challenge: 24 keys (record, challenge marker) in slots all over the cluster
        String verifier = null;
        String code = null;
        for (int i = 0; i < 12; i++) {
            verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(
                    (UUID.randomUUID() + "-" + UUID.randomUUID()).getBytes(StandardCharsets.US_ASCII));
            code = issueCode(challenge(verifier)).then().statusCode(200).extract().path("code");
        }
        // RFC 9700 §2.1.1: the same challenge again is refused (its marker is found on the cluster)
        issueCode(challenge(verifier)).then().statusCode(400).body("error", equalTo("invalid_request"));

        // RFC 7636 §4.6: the last code redeems once with its verifier; RFC 6749 §4.1.2: a second time is invalid_grant
        redeem(code, verifier).then().statusCode(200).body("token_type", equalTo("Bearer"));
        redeem(code, verifier).then().statusCode(400).body("error", equalTo("invalid_grant"));

        List<Integer> ports = clusterPorts();
        assertEquals(3, ports.size(), Platform.REDIS_CLUSTER);
        int mastersWithKeys = 0;
        int keys = 0;
        for (int port : ports) {
            List<String> found = scan(port, prefix() + "code*");
            keys += found.size();
            mastersWithKeys += found.isEmpty() ? 0 : 1;
        }
        assertTrue(keys >= 24, "this run's code keys on the cluster: " + keys);
        assertTrue(mastersWithKeys >= 2, "24 code keys sit on " + mastersWithKeys + " of 3 masters");
        assertTrue(scan(6379, prefix() + "*").isEmpty(), "nothing of this run on the single Redis");
    }

    private static io.restassured.response.Response issueCode(String challenge) {
        return given().header("X-Latchkey-Internal", Platform.INTERNAL_SECRET).contentType("application/json")
                .body("{\"client_id\":\"" + Platform.PARTNER_WEB + "\",\"redirect_uri\":\"" + REDIRECT + "\","
                        + "\"code_challenge\":\"" + challenge + "\",\"code_challenge_method\":\"S256\","
                        + "\"subject\":\"" + platform.demoUserId() + "\",\"grant_id\":\"grant-" + UUID.randomUUID()
                        + "\",\"scope\":\"profile\"}")
                .post(platform.token.url() + "/internal/codes");
    }

    private static io.restassured.response.Response redeem(String code, String verifier) {
        return given().auth().preemptive().basic(Platform.PARTNER_WEB, Platform.PARTNER_WEB_SECRET)
                .formParam("grant_type", "authorization_code").formParam("code", code)
                .formParam("redirect_uri", REDIRECT).formParam("code_verifier", verifier)
                .post(platform.baseUrl() + "/oauth/token");
    }

    private static String challenge(String verifier) throws Exception {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void aRevocationOnTheClusterReachesBothGatewaysAndItsKeysShareOneSlot() throws Exception {
        String base = platform.baseUrl();
        String second = platform.secondGatewayUrl();
        String accessToken = mintAccessToken();
        me(base, accessToken).statusCode(200);
        me(second, accessToken).statusCode(200);

        // RFC 7009 §2.2: the revoked access token is refused at every gateway (pub/sub over the cluster bus)
        given().formParam("client_id", Platform.CLI).formParam("token", accessToken)
                .post(base + "/oauth/revoke").then().statusCode(200);
        for (String gateway : List.of(base, second)) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (me(gateway, accessToken).extract().statusCode() != 401) {
                assertTrue(System.nanoTime() < deadline, gateway + " still accepts the revoked token");
                Thread.sleep(50);
            }
            me(gateway, accessToken).statusCode(401).body("error", equalTo("invalid_token"));
        }

        // the entry and its index were written by one script: one hash tag, one slot (CLUSTER KEYSLOT)
        String entry = null;
        for (int port : clusterPorts()) {
            List<String> found = scan(port, prefix() + "{revoked-jti}:*");
            if (!found.isEmpty()) {
                entry = found.get(0);
            }
        }
        assertTrue(entry != null, "the revoked token's entry is on the cluster");
        int port = clusterPorts().get(0);
        assertEquals(redisCli(port, "CLUSTER", "KEYSLOT", entry).trim(),
                redisCli(port, "CLUSTER", "KEYSLOT", prefix() + "{revoked-jti}.index").trim());
    }

    private static String mintAccessToken() {
        return given().header("X-Latchkey-Internal", Platform.INTERNAL_SECRET).contentType("application/json")
                .body("{\"client_id\":\"" + Platform.CLI + "\",\"subject\":\"" + platform.demoUserId() + "\","
                        + "\"scope\":\"profile\",\"grant_id\":\"grant-" + UUID.randomUUID() + "\","
                        + "\"grant_type\":\"urn:ietf:params:oauth:grant-type:device_code\"}")
                .post(platform.token.url() + "/internal/tokens").then().statusCode(200).extract().path("access_token");
    }

    private static io.restassured.response.ValidatableResponse me(String gateway, String accessToken) {
        return given().auth().oauth2(accessToken).get(gateway + "/api/v1/me").then();
    }

    private static String prefix() {
        return "lk-e2e-" + platform.runId + ":";
    }

    private static List<Integer> clusterPorts() {
        List<Integer> ports = new ArrayList<>();
        for (String url : Platform.REDIS_CLUSTER.split(",")) {
            ports.add(URI.create(url.trim()).getPort());
        }
        return ports;
    }

    private static List<String> scan(int port, String pattern) throws IOException, InterruptedException {
        List<String> keys = new ArrayList<>();
        for (String line : redisCli(port, "--scan", "--pattern", pattern).split("\n")) {
            if (!line.isBlank()) {
                keys.add(line.trim());
            }
        }
        return keys;
    }

    private static String redisCli(int port, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("redis-cli", "-h", "127.0.0.1", "-p", Integer.toString(port)));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0, "redis-cli failed: " + out);
        assertFalse(out.startsWith("ERR") || out.startsWith("MOVED"), out);
        return out;
    }
}
