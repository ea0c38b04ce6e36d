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
