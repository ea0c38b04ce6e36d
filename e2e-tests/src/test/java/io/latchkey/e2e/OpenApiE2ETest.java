package io.latchkey.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.response.Response;

/**
 * The OpenAPI documents the gateway publishes, from the real services: each parses, lists the service's public
 * routes, and has no internal, operator or management path, and no schema reference that goes nowhere.
 */
@org.junit.jupiter.api.Order(2)
class OpenApiE2ETest {

    private static final ObjectMapper JSON = new ObjectMapper();
    static Platform platform;

    @BeforeAll
    static void start() {
        platform = Platform.get();
    }

    @ParameterizedTest(name = "/openapi/{0}{2} has {1} and no hidden path")
    @CsvSource({
            "token-service,   /oauth/token,                ''",
            "token-service,   /oauth/introspect,           ?format=yaml",
            "device-service,  /oauth/device_authorization, ''",
            "consent-service, /oauth/authorize,            ?format=json",
    })
    void aPublishedDocumentHasThePublicRoutesAndNothingInternal(String service, String publicPath, String query)
            throws Exception {
        Response r = given().get(platform.baseUrl() + "/openapi/" + service + query);
        assertEquals(200, r.statusCode(), r.asString());
        assertTrue(r.contentType().startsWith("application/json"), r.contentType());
        JsonNode doc = JSON.readTree(r.asByteArray());

        assertTrue(doc.path("openapi").asText().startsWith("3."), "an OpenAPI 3 document");
        Set<String> paths = fieldNames(doc.path("paths"));
        assertTrue(paths.contains(publicPath), paths.toString());
        for (String path : paths) {
            String p = path.toLowerCase();
            assertFalse(p.startsWith("/internal") || p.startsWith("/q/"), path);
        }
        Set<String> schemas = fieldNames(doc.path("components").path("schemas"));
        for (String ref : refs(doc)) {
            assertTrue(schemas.contains(ref.substring("#/components/schemas/".length())), "dangling " + ref);
        }
    }

    @ParameterizedTest(name = "{0} itself lists {1}, the gateway does not")
    @CsvSource({"token-service, /internal/tokens", "token-service, /internal/clients",
            "device-service, /internal/device/user-codes/{user_code}"})
    void whatTheServiceListsItselfIsFilteredOut(String service, String hidden) throws Exception {
        ServiceProcess process = "token-service".equals(service) ? platform.token : platform.device;
        JsonNode own = JSON.readTree(given().get("http://127.0.0.1:" + process.port + "/q/openapi?format=json").asByteArray());
        assertTrue(fieldNames(own.path("paths")).contains(hidden), "the service documents " + hidden);

        JsonNode published = JSON.readTree(given().get(platform.baseUrl() + "/openapi/" + service).asByteArray());
        assertFalse(fieldNames(published.path("paths")).contains(hidden));
    }

    @org.junit.jupiter.api.Test
    void theAdminDocumentHasEveryAdminOperationAnyServicePublishes() throws Exception {
        JsonNode admin = JSON.readTree(given().get(platform.baseUrl() + "/openapi/admin").then().statusCode(200)
                .extract().asByteArray());
        Set<String> published = fieldNames(admin.path("paths"));
        Set<String> offered = new TreeSet<>();
        for (ServiceProcess s : List.of(platform.token, platform.device, platform.consent)) {
            JsonNode own = JSON.readTree(given().get(s.url() + "/q/openapi?format=json").asByteArray());
            for (String path : fieldNames(own.path("paths"))) {
                if (path.startsWith("/admin/")) {
                    offered.add(path);
                }
            }
        }
        assertTrue(offered.contains("/admin/keys/rotate"), offered.toString());
        assertEquals(offered, published);
        assertEquals("bearer", admin.path("paths").path("/admin/keys/rotate").path("post").path("security").path(0)
                .fieldNames().next());
    }

    /**
     * The lint rules a generator needs, on the merged public document: one OpenAPI 3.1 document, no hidden path, every
     * route of the route table a client calls, an operationId on every operation (unique), every reference resolves,
     * the OAuth and API operations name their security and answer the shared RFC error body on their 4xx/5xx.
     */
    @org.junit.jupiter.api.Test
    void thePublicDocumentIsOneLintCleanContract() throws Exception {
        JsonNode doc = JSON.readTree(given().get(platform.baseUrl() + "/openapi").then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("application/json")).extract().asByteArray());
        assertEquals("3.1.0", doc.path("openapi").asText());
        Set<String> paths = fieldNames(doc.path("paths"));
        for (String p : List.of("/oauth/token", "/oauth/device_authorization", "/oauth/introspect", "/oauth/revoke",
                "/oauth/jwks", "/.well-known/oauth-authorization-server", "/oauth/authorize", "/login", "/logout",
                "/consent", "/device", "/api/v1/me", "/", "/account/api/authorized-apps")) {
            assertTrue(paths.contains(p), p + " in " + paths);
        }
        for (String path : paths) {
            String p = path.toLowerCase();
            assertFalse(p.startsWith("/internal") || p.startsWith("/admin") || p.startsWith("/q/"), path);
        }
        Set<String> ids = new TreeSet<>();
        for (String path : paths) {
            for (Iterator<Map.Entry<String, JsonNode>> it = doc.path("paths").path(path).fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> op = it.next();
                String id = op.getValue().path("operationId").asText("");
                assertFalse(id.isEmpty(), op.getKey() + " " + path + " has no operationId");
                assertTrue(ids.add(id), "operationId " + id + " twice");
            }
        }
        Set<String> schemas = fieldNames(doc.path("components").path("schemas"));
        Set<String> responses = fieldNames(doc.path("components").path("responses"));
        for (String ref : allRefs(doc)) {
            String[] parts = ref.split("/");
            Set<String> names = "responses".equals(parts[2]) ? responses : "schemas".equals(parts[2]) ? schemas
                    : fieldNames(doc.path("components").path(parts[2]));
            assertTrue(names.contains(parts[3]), "dangling " + ref);
        }
        for (String[] op : new String[][] {{"/oauth/token", "post"}, {"/oauth/device_authorization", "post"},
                {"/oauth/introspect", "post"}, {"/oauth/revoke", "post"}, {"/api/v1/me", "get"}}) {
            JsonNode operation = doc.path("paths").path(op[0]).path(op[1]);
            assertTrue(operation.path("security").isArray() && operation.path("security").size() > 0, op[0] + " security");
            // every form-encoded OAuth endpoint documents each error it can answer (oauth-common OAuthErrorResponses)
            List<String> codes = "get".equals(op[1]) ? List.of("401", "403", "503")
                    : List.of("400", "401", "413", "429", "500", "503");
            for (String code : codes) {
                assertTrue(operation.path("responses").has(code), op[0] + " documents " + code);
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = operation.path("responses").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> r = it.next();
                if (r.getKey().startsWith("4") || r.getKey().startsWith("5")) {
                    String ref = r.getValue().path("$ref").asText("");
                    assertTrue(ref.startsWith("#/components/responses/"), op[0] + " " + r.getKey() + " uses a shared error");
                    JsonNode shared = doc.path("components").path("responses").path(ref.substring(ref.lastIndexOf('/') + 1));
                    assertEquals("#/components/schemas/OAuthError", shared.path("content").path("application/json")
                            .path("schema").path("$ref").asText(), ref);
                }
            }
            assertTrue(operation.path("responses").path("200").path("content").size() > 0
                    || "/oauth/revoke".equals(op[0]), op[0] + " has a typed 200");
        }
        // form bodies have named properties, never "additionalProperties" alone
        JsonNode tokenForm = doc.path("paths").path("/oauth/token").path("post").path("requestBody").path("content")
                .path("application/x-www-form-urlencoded").path("schema");
        for (String field : List.of("grant_type", "client_id", "device_code", "scope")) {
            assertTrue(tokenForm.path("properties").has(field), field + " in " + tokenForm);
        }
        assertTrue(doc.path("components").path("securitySchemes").has("clientBasic"));
        assertTrue(doc.path("components").path("securitySchemes").has("bearer"));
    }

    private static List<String> allRefs(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if ("$ref".equals(e.getKey()) && e.getValue().asText().startsWith("#/components/")) {
                    out.add(e.getValue().asText());
                } else {
                    out.addAll(allRefs(e.getValue()));
                }
            }
        } else if (node.isArray()) {
            node.forEach(item -> out.addAll(allRefs(item)));
        }
        return out;
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> out = new TreeSet<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static List<String> refs(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if ("$ref".equals(e.getKey()) && e.getValue().asText().startsWith("#/components/schemas/")) {
                    out.add(e.getValue().asText());
                } else {
                    out.addAll(refs(e.getValue()));
                }
            }
        } else if (node.isArray()) {
            node.forEach(item -> out.addAll(refs(item)));
        }
        return out;
    }
}
