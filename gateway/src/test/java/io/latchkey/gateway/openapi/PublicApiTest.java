package io.latchkey.gateway.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.vertx.core.json.JsonObject;

class PublicApiTest {

    @ParameterizedTest(name = "{0} hidden: {1}")
    @CsvSource({
            "/internal/tokens, true", "/internal, true", "/INTERNAL/codes, true", "/admin/keys/rotate, false",
            "/admin/clients/{client_id}, false", "/q/openapi, true", "/q, true",
            "/oauth/token, false", "/internalx, false", "/administrator, false", "/quick, false", "/api/v1/me, false",
    })
    void internalAndManagementPathsAreHiddenTheAdminApiIsNot(String path, boolean hidden) {
        assertEquals(hidden, PublicApi.hidden(path));
    }

    @Test
    void theDocumentKeepsPublicPathsAndOnlyTheSchemasTheyStillUse() {
        JsonObject doc = new JsonObject("""
                {"openapi":"3.1.0","info":{"title":"t"},
                 "paths":{
                   "/oauth/token":{"post":{"responses":{"200":{"content":{"application/json":
                       {"schema":{"$ref":"#/components/schemas/TokenResponse"}}}}}}},
                   "/internal/tokens":{"post":{"requestBody":{"content":{"application/json":
                       {"schema":{"$ref":"#/components/schemas/MintRequest"}}}}}},
                   "/admin/keys/rotate":{"post":{}}},
                 "components":{"schemas":{
                   "TokenResponse":{"type":"object","properties":{"scope":{"$ref":"#/components/schemas/Scope"}}},
                   "Scope":{"type":"string"},
                   "MintRequest":{"type":"object","properties":{"grant":{"$ref":"#/components/schemas/Grant"}}},
                   "Grant":{"type":"string"}}}}
                """);

        JsonObject out = PublicApi.filter(doc);

        assertEquals(Set.of("/oauth/token", "/admin/keys/rotate"), out.getJsonObject("paths").fieldNames());
        assertEquals(Set.of("TokenResponse", "Scope"),
                out.getJsonObject("components").getJsonObject("schemas").fieldNames());
        assertEquals("t", out.getJsonObject("info").getString("title"));
    }

    @Test
    void componentsGoWhenNothingIsLeftInThem() {
        JsonObject out = PublicApi.filter(new JsonObject("""
                {"openapi":"3.1.0","paths":{"/internal/codes":{"post":{"requestBody":{"content":{"application/json":
                    {"schema":{"$ref":"#/components/schemas/CodeRequest"}}}}}}},
                 "components":{"schemas":{"CodeRequest":{"type":"object"}}}}
                """));

        assertTrue(out.getJsonObject("paths").isEmpty());
        assertNull(out.getValue("components"));
        assertFalse(out.encode().contains("CodeRequest"));
    }
}
