package io.latchkey.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;
import java.util.function.IntSupplier;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * The operators' admin API for clients through the gateway, against the real services: an operator token from
 * client_credentials; a client created through one token-service replica is usable at once on another (whose client
 * cache lives 5 minutes: only the pushed change can tell it); a secret rotation takes effect there at once; disabling
 * the client refuses its access tokens at both gateway replicas within a second, its refresh token answers
 * {@code invalid_grant}, introspection says inactive, and every action is in consent-service's audit trail.
 */
@org.junit.jupiter.api.Order(5)
class AdminClientsE2ETest {

    private static final String DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";
    static Platform platform;

    @BeforeAll
    static void platform() {
        platform = Platform.get();
    }

    private static io.restassured.specification.RequestSpecification asOperator(String token) {
        return given().header("Authorization", "Bearer " + token);
    }

    @Test
    void theAdminApiNeedsAnOperatorTokenWithScopeAdmin() throws Exception {
        String base = platform.baseUrl();
        // RFC 6750 §3.1: no token → 401 with the challenge
        given().get(base + "/admin/clients").then().statusCode(401).header("WWW-Authenticate", startsWith("Bearer"));
        // a partner's token (no admin scope) → 403 insufficient_scope
        String partner = given().auth().preemptive().basic(Platform.PARTNER_WEB, Platform.PARTNER_WEB_SECRET)
                .formParam("grant_type", "client_credentials").post(base + "/oauth/token").then().statusCode(200)
                .extract().path("access_token");
        // (a key rotated by another test moments ago reaches the gateway's JWKS cache within jwks-min-refetch-interval)
        until(() -> asOperator(partner).get(base + "/admin/clients").statusCode(), 403);
        asOperator(partner).get(base + "/admin/clients").then().statusCode(403)
                .header("WWW-Authenticate", containsString("insufficient_scope")).body("error", equalTo("insufficient_scope"));
        // and a non-operator client cannot get admin at all
        given().auth().preemptive().basic(Platform.PARTNER_WEB, Platform.PARTNER_WEB_SECRET)
                .formParam("grant_type", "client_credentials").formParam("scope", "admin").post(base + "/oauth/token")
                .then().statusCode(400).body("error", equalTo("invalid_scope"));
        // the operator: the demo clients are listed
        asOperator(platform.operatorToken()).get(base + "/admin/clients?limit=100").then().statusCode(200)
                .body("clients.client_id", org.hamcrest.Matchers.hasItems(Platform.CLI, Platform.PARTNER_WEB));
    }

    @Test
    void aClientIsUsableEverywhereAtOnceAndDisablingItCutsItOffAtBothGatewaysWithinASecond() throws Exception {
        String base = platform.baseUrl();
        String second = platform.secondGatewayUrl();
        ServiceProcess token2 = platform.secondTokenService();
        String operator = platform.operatorToken();
        String id = "e2e-partner-" + UUID.randomUUID().toString().substring(0, 8);

        // the second replica has looked this id up before: "no such client"
        given().auth().preemptive().basic(id, "guess").formParam("grant_type", "client_credentials")
                .post(token2.url() + "/oauth/token").then().statusCode(401);

        String metadata = "{\"client_id\":\"" + id + "\",\"client_name\":\"E2E Partner\","
                + "\"grant_types\":[\"client_credentials\",\"" + DEVICE_GRANT + "\",\"refresh_token\"],"
                + "\"token_endpoint_auth_method\":\"client_secret_basic\",\"scope\":\"profile db:read\"}";
        String secret = asOperator(operator).contentType("application/json").body(metadata)
                .post(base + "/admin/clients").then().statusCode(201)
                .body("client_id", equalTo(id)).body("client_secret", notNullValue())
                .extract().path("client_secret");

        // created through replica 1 (behind the gateway), usable on replica 2 at once
        long usableAfter = until(() -> clientCredentials(token2.url(), id, secret), 200);
        System.out.printf("client usable on the second token-service %d ms after it was created%n", usableAfter);
        assertTrue(usableAfter < 1000, "usable after " + usableAfter + " ms");

        // rotation: the new secret works on replica 2 at once, the old one keeps working during the overlap
        String rotated = asOperator(operator).post(base + "/admin/clients/" + id + "/secret").then().statusCode(200)
                .extract().path("client_secret");
        assertTrue(until(() -> clientCredentials(token2.url(), id, rotated), 200) < 1000);
        assertEquals(200, clientCredentials(token2.url(), id, secret));

        // its tokens: one of a user grant (with a refresh token), one of its own (client_credentials)
        JsonPath userTokens = given().header("X-Latchkey-Internal", Platform.INTERNAL_SECRET).contentType("application/json")
                .body("{\"client_id\":\"" + id + "\",\"subject\":\"" + platform.demoUserId() + "\",\"scope\":\"profile\","
                        + "\"grant_id\":\"grant-" + UUID.randomUUID() + "\",\"grant_type\":\"" + DEVICE_GRANT + "\"}")
                .post(platform.token.url() + "/internal/tokens").then().statusCode(200).extract().jsonPath();
        String access = userTokens.getString("access_token");
        String ownToken = given().auth().preemptive().basic(id, rotated).formParam("grant_type", "client_credentials")
                .post(base + "/oauth/token").then().statusCode(200).extract().path("access_token");
        me(base, access).statusCode(200);
        me(second, access).statusCode(200);
        // (a client's own token has no user: any other /api/ route shows that the gateway lets it through)
        assertTrue(api(base, ownToken).extract().statusCode() != 401);

        long disabled = System.nanoTime();
        asOperator(operator).post(base + "/admin/clients/" + id + "/disable").then().statusCode(200)
                .body("disabled", equalTo(true));
        long firstGateway = until(() -> me(base, access).extract().statusCode(), 401);
        long secondGateway = until(() -> me(second, access).extract().statusCode(), 401);
        long sinceDisable = (System.nanoTime() - disabled) / 1_000_000;
        System.out.printf("disabled client's access token refused at gateway 1 after %d ms, gateway 2 after %d ms "
                + "(%d ms since the disable call)%n", firstGateway, secondGateway, sinceDisable);
        assertTrue(sinceDisable < 1000 + 500, "refused after " + sinceDisable + " ms");
        me(second, access).statusCode(401).header("WWW-Authenticate", containsString("invalid_token"));
        // its client_credentials token too, on both gateways
        api(base, ownToken).statusCode(401).header("WWW-Authenticate", containsString("revoked"));
        api(second, ownToken).statusCode(401).header("WWW-Authenticate", containsString("revoked"));
        // its refresh token answers invalid_grant; introspection says inactive; replica 2 refuses it at once
        given().auth().preemptive().basic(id, rotated).formParam("grant_type", "refresh_token")
                .formParam("refresh_token", userTokens.getString("refresh_token")).post(base + "/oauth/token")
                .then().statusCode(400).body("error", equalTo("invalid_grant"));
        given().auth().preemptive().basic(Platform.RESOURCE_SERVER, Platform.RESOURCE_SERVER_SECRET)
                .formParam("token", access).post(base + "/oauth/introspect").then().statusCode(200)
                .body("active", equalTo(false));
        assertEquals(401, clientCredentials(token2.url(), id, rotated));

        // re-enabled: the old tokens stay refused
        asOperator(operator).post(base + "/admin/clients/" + id + "/enable").then().statusCode(200);
        me(base, access).statusCode(401);
        api(second, ownToken).statusCode(401);

        // every action is in the audit trail (consent-service), with who and from where
        List<String> kinds = asOperator(operator).get(base + "/admin/audit-events?client_id=" + id).then().statusCode(200)
                .extract().jsonPath().getList("events.kind");
        assertTrue(kinds.containsAll(List.of("client.created", "client.secret_rotated", "client.disabled",
                "client.enabled")), kinds.toString());
    }

    @Test
    void hostileInputOnTheAdminRoutesGetsAFast4xx() {
        String base = platform.baseUrl();
        String operator = platform.operatorToken();
        List<Response> answers = List.of(
                asOperator(operator).contentType("application/json").body("{\"client_name\":").post(base + "/admin/clients"),
                asOperator(operator).contentType("application/json").body("[".repeat(5000)).post(base + "/admin/clients"),
                asOperator(operator).contentType("application/json").body("{\"client_name\":\"" + "A".repeat(40_000) + "\"}")
                        .post(base + "/admin/clients"),
                asOperator(operator).contentType("application/json")
                        .body("{\"client_name\":\"A\",\"redirect_uris\":[" + "\"https://a.example/cb\",".repeat(30)
                                + "\"https://a.example/x\"]}").post(base + "/admin/clients"),
                asOperator(operator).contentType("application/json").body("{\"client_name\":\"A\u0000\"}")
                        .post(base + "/admin/clients"),
                asOperator(operator).contentType("text/plain").body("client_name=A").post(base + "/admin/clients"),
                asOperator(operator).get(base + "/admin/clients?limit=1&limit=2"),
                asOperator(operator).get(base + "/admin/clients?limit=99999999999999999999"),
                asOperator(operator).urlEncodingEnabled(false).get(base + "/admin/clients?q=%C3%28"),
                asOperator(operator).get(base + "/admin/clients/" + "x".repeat(300)),
                asOperator(operator).post(base + "/admin/clients/no-such-client/secret"),
                asOperator(operator).contentType("application/json").body("{}").put(base + "/admin/clients/partner-web"));
        for (Response r : answers) {
            assertTrue(r.statusCode() >= 400 && r.statusCode() < 500, r.statusCode() + " " + r.asString());
            assertTrue(r.time() < 2000, r.time() + " ms");
            String body = r.asString();
            assertTrue(body.isEmpty() || body.contains("\"error\""), body);
            assertTrue(!body.contains("Exception") && !body.contains("at io."), body);
        }
    }

    private static int clientCredentials(String tokenService, String id, String secret) {
        return given().auth().preemptive().basic(id, secret).formParam("grant_type", "client_credentials")
                .post(tokenService + "/oauth/token").statusCode();
    }

    private static io.restassured.response.ValidatableResponse me(String gateway, String accessToken) {
        return given().header("Authorization", "Bearer " + accessToken).get(gateway + "/api/v1/me").then();
    }

    private static io.restassured.response.ValidatableResponse api(String gateway, String accessToken) {
        return given().header("Authorization", "Bearer " + accessToken).get(gateway + "/api/v1/e2e-probe").then();
    }

    /** Polls (every 20 ms, at most 5 s) until {@code status} answers {@code expected}; the milliseconds it took. */
    private static long until(IntSupplier status, int expected) throws InterruptedException {
        long start = System.nanoTime();
        while (System.nanoTime() - start < 5_000_000_000L) {
            if (status.getAsInt() == expected) {
                return (System.nanoTime() - start) / 1_000_000;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("not " + expected + " after 5 s");
    }
}
