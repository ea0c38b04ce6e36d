package io.latchkey.gateway.routes;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.latchkey.gateway.support.RawHttp;
import io.latchkey.gateway.support.StubServices;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(StubServices.class)
class RouteTableTest {

    @ParameterizedTest(name = "{0} goes to {1}")
    @CsvSource({
            "/oauth/revoke, token-service",
            "/oauth/introspect, token-service",
            "/oauth/jwks, token-service",
            "/.well-known/oauth-authorization-server, token-service",
            "/.well-known/openid-configuration, token-service",
            "/oauth/device_authorization, device-service",
            "/oauth/authorize, consent-service",
            "/login, consent-service",
            "/logout, consent-service",
            "/oauth/logout, consent-service",
            "/oauth/logout/confirm, consent-service",
            "/consent, consent-service",
            "/consent/decision, consent-service",
            "/device, consent-service",
            "/device/approve, consent-service",
            "/account/authorized-apps, consent-service",
            "/account/authorized-apps/42/revoke, consent-service",
            "/admin, consent-service",
            "/admin/console/applications, consent-service",
            "/partners/apply, consent-service",
            "/, consent-service"})
    void eachPublicPathIsForwardedUnchangedToTheServiceThatOwnsIt(String path, String service) {
        given().get(path)
                .then().statusCode(200)
                .body("service", equalTo(service))
                .body("method", equalTo("GET"))
                .body("path", equalTo(path));
    }

    @ParameterizedTest(name = "{0} needs an access token with scope admin")
    @CsvSource({
            "/admin/clients, token-service",
            "/admin/clients/latchkey-cli/secret, token-service",
            "/admin/keys/rotate, token-service",
            "/admin/users, consent-service",
            "/admin/users/42/disable, consent-service",
            "/admin/partner-applications, consent-service",
            "/admin/partner-applications/7/approve, consent-service",
            "/admin/audit-events, consent-service"})
    void everyAdminApiRouteIsBearerProtectedWithScopeAdmin(String path, String service) {
        // RFC 6750 §3.1: no token → 401 with a bare challenge
        given().post(path).then().statusCode(401).header("WWW-Authenticate", startsWith("Bearer realm="));
        // a valid token without the admin scope → 403 insufficient_scope naming it
        given().header("Authorization", "Bearer " + io.latchkey.gateway.support.TestTokens.sign(
                        io.latchkey.gateway.support.TestTokens.claims().put("scope", "profile db:read db:write")))
                .post(path).then().statusCode(403)
                .header("WWW-Authenticate", containsString("error=\"insufficient_scope\""))
                .header("WWW-Authenticate", containsString("scope=\"admin\""))
                .body("error", equalTo("insufficient_scope"));
        // with it: forwarded to its owner with the verified identity, never the token
        given().header("Authorization", "Bearer " + io.latchkey.gateway.support.TestTokens.sign(
                        io.latchkey.gateway.support.TestTokens.claims().put("scope", "admin").put("sub", "latchkey-operator")))
                .post(path).then().statusCode(200)
                .body("service", equalTo(service))
                .body("path", equalTo(path))
                .body("headers.'x-latchkey-scope'", equalTo("admin"))
                .body("headers.'x-latchkey-subject'", equalTo("latchkey-operator"))
                .body("headers.authorization", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void queryStringAndMethodAreForwarded() {
        given().queryParam("client_id", "partner").queryParam("state", "xyz")
                .post("/oauth/authorize")
                .then().statusCode(200)
                .body("service", equalTo("consent-service"))
                .body("method", equalTo("POST"))
                .body("query", equalTo("client_id=partner&state=xyz"));
    }

    @ParameterizedTest(name = "{0} is not found")
    @ValueSource(strings = {
            "/nothing-here", "/internal/clients/latchkey-cli", "/internal/device/user-codes/BCDF-GHJK",
            "/internal/tokens", "/q/openapi", "/q/metrics", "/q/dev-ui", "/oauth", "/oauth/tokens", "/loginx",
            "/adminx", "/admin/clientsx", "/admin/consolex", "/admin/keysx", "/partnersx", "/api/v2/me", "/accountx", "/openapi/unknown-service"})
    void unknownInternalAndServiceQPathsGetA404JsonFromTheGateway(String path) {
        given().get(path)
                .then().statusCode(404)
                .contentType(startsWith("application/json"))
                .header("X-Content-Type-Options", "nosniff")
                .body("error", equalTo("not_found"))
                .body("error_description", equalTo("No such resource."));
    }

    @Test
    void postToAnInternalPathIsNotFoundEither() {
        given().contentType("application/json").body("{\"client_id\":\"x\",\"client_secret\":\"y\"}")
                .post("/internal/clients/authenticate")
                .then().statusCode(404)
                .body("error", equalTo("not_found"));
    }

    @Test
    void aDotSegmentThatLeadsToAnInternalPathIsRefused() {
        RawHttp.Response response = RawHttp.exchange(
                "GET /account/../internal/clients/latchkey-cli HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        // oauth-common StrictPaths: a dot segment is refused before any route is matched
        assertEquals(400, response.status());
        assertEquals("invalid_request", response.json().getString("error"));
    }

    @ParameterizedTest(name = "{0} is refused")
    @ValueSource(strings = {"/internal/../login", "/%6Cogin", "/account/./authorized-apps"})
    void aNonCanonicalPathToAPublicRouteIsRefusedBeforeItReachesAService(String path) {
        RawHttp.Response response = RawHttp.exchange(
                "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        assertEquals(400, response.status(), response.body());
        assertEquals("invalid_request", response.json().getString("error"));
    }

    @ParameterizedTest(name = "{0} is one merged OpenAPI 3.1 document, GET only")
    @ValueSource(strings = {"/openapi", "/openapi/admin"})
    void openapiIsOneMergedDocument(String path) throws InterruptedException {
        // merged from the (stub) services' documents shortly after start: 503 with Retry-After until then
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (given().get(path).statusCode() == 503 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        given().get(path)
                .then().statusCode(200)
                .contentType(startsWith("application/json"))
                .body("openapi", equalTo("3.1.0"))
                .body("info.title", startsWith("Latchkey"));
        given().post(path).then().statusCode(405).header("Allow", "GET");
    }

    @ParameterizedTest(name = "/openapi/{0} is that service's /q/openapi as JSON")
    @ValueSource(strings = {"token-service", "device-service", "consent-service"})
    void openapiDocumentIsTheServicesOwnQOpenapiAlwaysAsJson(String service) {
        given().queryParam("format", "yaml")
                .get("/openapi/" + service)
                .then().statusCode(200)
                .body("service", equalTo(service))
                .body("path", equalTo("/q/openapi"))
                .body("query", equalTo("format=json"));
    }

    @Test
    void proxiedResponsesGetTheEdgeSecurityHeaders() {
        given().get("/login")
                .then().statusCode(200)
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer");
    }

    @Test
    void aServicesOwnReferrerPolicyIsKept() {
        given().queryParam("referrer_policy", "same-origin").get("/device")
                .then().statusCode(200)
                .header("Referrer-Policy", "same-origin");
    }

    @Test
    void upstreamConnectionsAreKeptAliveAndReused() {
        Set<Integer> connections = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            connections.add(given().get("/logout").then().statusCode(200).extract().path("upstream_connection"));
        }
        assertTrue(connections.size() <= 2, "20 sequential requests used " + connections.size() + " connections");
    }

    @Test
    void theGatewaysOwnHealthStaysAvailable() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body(containsString("Redis"));
    }
}
