package io.latchkey.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;

/**
 * Revocations are durable and reach access tokens by family, through both gateways: revoking a refresh token, or
 * reusing one, cuts off the family's access tokens within a second (RFC 7009 §2.1, RFC 9700 §4.14.2); then this run's
 * Redis keys are wiped and a gateway restarted, and every revoked token stays refused there and inactive at
 * introspection, because the gateway rebuilt its list from token-service's PostgreSQL record.
 */
@org.junit.jupiter.api.Order(4)
class DurableRevocationE2ETest {

    static Platform platform;

    @BeforeAll
    static void platform() {
        platform = Platform.get();
    }

    @Test
    void familyRevocationsCutOffAccessTokensAndNothingComesBackAfterARedisWipeAndAGatewayRestart() throws Exception {
        String base = platform.baseUrl();
        String second = platform.secondGatewayUrl();

        Tokens byJti = mint("grant-" + UUID.randomUUID());
        Tokens byGrant = mint("grant-" + UUID.randomUUID());
        Tokens byRevokedRefresh = mint("grant-" + UUID.randomUUID());
        Tokens byReuse = mint("grant-" + UUID.randomUUID());
        Tokens untouched = mint("grant-" + UUID.randomUUID());
        for (Tokens t : List.of(byJti, byGrant, byRevokedRefresh, byReuse, untouched)) {
            me(base, t.accessToken()).statusCode(200);
            me(second, t.accessToken()).statusCode(200);
        }

        given().formParam("client_id", Platform.CLI).formParam("token", byJti.accessToken())
                .post(base + "/oauth/revoke").then().statusCode(200);
        given().header("X-Latchkey-Internal", Platform.INTERNAL_SECRET)
                .post(platform.token.url() + "/internal/grants/" + byGrant.grantId() + "/revoke")
                .then().statusCode(200);

        // RFC 7009 §2.1: revoking the refresh token revokes the access tokens of its family, at every gateway
        long revoked = System.nanoTime();
        given().formParam("client_id", Platform.CLI).formParam("token", byRevokedRefresh.refreshToken())
                .formParam("token_type_hint", "refresh_token").post(base + "/oauth/revoke").then().statusCode(200);
        assertRefusedWithinASecond(revoked, byRevokedRefresh.accessToken(), base, second);

        // RFC 9700 §4.14.2: reuse of a rotated refresh token revokes the family, its access tokens included
        String rotated = refresh(base, byReuse.refreshToken()).then().statusCode(200)
                .extract().path("access_token");
        long reused = System.nanoTime();
        refresh(base, byReuse.refreshToken()).then().statusCode(400).body("error", equalTo("invalid_grant"));
        assertRefusedWithinASecond(reused, byReuse.accessToken(), base, second);
        me(base, rotated).statusCode(401);

        List<String> revokedTokens = List.of(byJti.accessToken(), byGrant.accessToken(),
                byRevokedRefresh.accessToken(), byReuse.accessToken(), rotated);

        assertTrue(wipeThisRunsRedisKeys() > 0, "the revocations had left keys in Redis");
        platform.restart(platform.gateway);

        for (String token : revokedTokens) {
            me(base, token).statusCode(401).body("error", equalTo("invalid_token"));
            introspect(base, token).then().statusCode(200).body("active", equalTo(false));
        }
        me(base, untouched.accessToken()).statusCode(200);
        introspect(base, untouched.accessToken()).then().body("active", equalTo(true));
    }

    private static void assertRefusedWithinASecond(long since, String accessToken, String... gateways) {
        for (String gateway : gateways) {
            long deadline = since + TimeUnit.SECONDS.toNanos(5);
            while (me(gateway, accessToken).extract().statusCode() != 401) {
                assertTrue(System.nanoTime() < deadline, gateway + " still accepts the token after 5 s");
            }
            long millis = (System.nanoTime() - since) / 1_000_000;
            System.out.printf("family revocation refused at %s after %d ms%n", gateway, millis);
            assertTrue(millis < 1000, gateway + " refused it only after " + millis + " ms");
        }
        introspect(gateways[0], accessToken).then().body("active", equalTo(false));
    }

    private record Tokens(String grantId, String accessToken, String refreshToken) {
    }

    /** Tokens (with a refresh token) of the demo user through the CLI, as device-service gets them after approval. */
    private static Tokens mint(String grantId) {
        JsonPath tokens = given().header("X-Latchkey-Internal", Platform.INTERNAL_SECRET).contentType("application/json")
                .body("{\"client_id\":\"" + Platform.CLI + "\",\"subject\":\"" + platform.demoUserId() + "\","
                        + "\"scope\":\"profile db:read\",\"grant_id\":\"" + grantId + "\","
                        + "\"grant_type\":\"urn:ietf:params:oauth:grant-type:device_code\"}")
                .post(platform.token.url() + "/internal/tokens").then().statusCode(200).extract().jsonPath();
        return new Tokens(grantId, tokens.getString("access_token"), tokens.getString("refresh_token"));
    }

    private static io.restassured.response.ValidatableResponse me(String gateway, String accessToken) {
        return given().auth().oauth2(accessToken).get(gateway + "/api/v1/me").then();
    }

    private static io.restassured.response.Response refresh(String base, String refreshToken) {
        return given().formParam("grant_type", "refresh_token").formParam("client_id", Platform.CLI)
                .formParam("refresh_token", refreshToken).post(base + "/oauth/token");
    }

    private static io.restassured.response.Response introspect(String base, String token) {
        return given().auth().preemptive().basic(Platform.RESOURCE_SERVER, Platform.RESOURCE_SERVER_SECRET)
                .formParam("token", token).post(base + "/oauth/introspect");
    }

    /** Deletes every Redis key of this run's prefix (SCAN + DEL; never FLUSHALL: the Redis is shared). */
    private static int wipeThisRunsRedisKeys() throws IOException, InterruptedException {
        List<String> keys = new ArrayList<>();
        for (String key : redisCli("--scan", "--pattern", "lk-e2e-" + platform.runId + ":*").split("\n")) {
            if (!key.isBlank()) {
                keys.add(key.trim());
            }
        }
        if (!keys.isEmpty()) {
            List<String> del = new ArrayList<>(List.of("DEL"));
            del.addAll(keys);
            // keys with a short TTL (rate-limit counters) may expire between SCAN and DEL: at most the scanned count
            int deleted = Integer.parseInt(redisCli(del.toArray(String[]::new)).trim());
            assertTrue(deleted <= keys.size(), deleted + " of " + keys.size());
        }
        // what matters: no revocation record of this run is left in Redis
        assertEquals("", redisCli("--scan", "--pattern", "lk-e2e-" + platform.runId + ":{revoked-*").trim());
        return keys.size();
    }

    private static String redisCli(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("redis-cli", "-h", "127.0.0.1", "-p", "6379"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0, "redis-cli failed: " + out);
        return out;
    }
}
