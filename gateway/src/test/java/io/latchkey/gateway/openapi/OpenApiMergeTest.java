package io.latchkey.gateway.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.latchkey.gateway.routes.Service;
import io.vertx.core.json.JsonObject;

class OpenApiMergeTest {

    static Map<Service, JsonObject> docs(JsonObject token, JsonObject device) {
        Map<Service, JsonObject> docs = new EnumMap<>(Service.class);
        docs.put(Service.TOKEN, token);
        docs.put(Service.DEVICE, device);
        return docs;
    }

    static final JsonObject TOKEN = new JsonObject("""
            {"openapi":"3.1.0","info":{"title":"token"},
             "paths":{"/oauth/token":{"post":{"operationId":"token","tags":["OAuth"],"responses":{"200":{"content":
                 {"application/json":{"schema":{"$ref":"#/components/schemas/TokenResponse"}}}}}}},
               "/internal/tokens":{"post":{"operationId":"mint"}},
               "/admin/keys/rotate":{"post":{"operationId":"rotateSigningKey","tags":["Admin"]}},
               "/q/health":{"get":{}}},
             "components":{"schemas":{"TokenResponse":{"type":"object"},"OAuthError":{"type":"object"},
                                      "MintRequest":{"type":"object"}},
                           "securitySchemes":{"clientBasic":{"type":"http","scheme":"basic"}}},
             "tags":[{"name":"OAuth"},{"name":"Admin"}]}
            """);
    static final JsonObject DEVICE = new JsonObject("""
            {"openapi":"3.1.0","info":{"title":"device"},
             "paths":{"/oauth/device_authorization":{"post":{"operationId":"deviceAuthorization","tags":["OAuth"],
                 "responses":{"400":{"content":{"application/json":{"schema":{"$ref":"#/components/schemas/OAuthError"}}}}}}},
               "/admin/devices":{"get":{"operationId":"listDevices"}}},
             "components":{"schemas":{"OAuthError":{"type":"object"}},
                           "securitySchemes":{"clientBasic":{"type":"http","scheme":"basic"}}}}
            """);

    @Test
    void thePublicDocumentHasEveryPublicPathOfEveryServiceAndNothingElse() {
        OpenApiMerge.Result r = OpenApiMerge.publicDocument(docs(TOKEN.copy(), DEVICE.copy()));
        JsonObject doc = r.document();
        assertEquals("3.1.0", doc.getString("openapi"));
        assertEquals(List.of("/oauth/device_authorization", "/oauth/token"), List.copyOf(doc.getJsonObject("paths").fieldNames()));
        // only the schemas the kept paths use; the security schemes of all
        assertEquals(Set.of("TokenResponse", "OAuthError"),
                doc.getJsonObject("components").getJsonObject("schemas").fieldNames());
        assertTrue(doc.getJsonObject("components").getJsonObject("securitySchemes").containsKey("clientBasic"));
        assertEquals(List.of(new JsonObject().put("name", "OAuth")).toString(), doc.getJsonArray("tags").getList().toString());
        assertTrue(r.conflicts().isEmpty(), r.conflicts().toString());
        // relative server (the gateway that served it); an operation that names no security says it needs none
        assertEquals("/", doc.getJsonArray("servers").getJsonObject(0).getString("url"));
        assertEquals(0, doc.getJsonObject("paths").getJsonObject("/oauth/token").getJsonObject("post")
                .getJsonArray("security").size());
    }

    @Test
    void theAdminDocumentHasEveryAdminPathOfEveryServiceAndNothingElse() {
        JsonObject doc = OpenApiMerge.adminDocument(docs(TOKEN.copy(), DEVICE.copy())).document();
        assertEquals(Set.of("/admin/keys/rotate", "/admin/devices"), doc.getJsonObject("paths").fieldNames());
        assertFalse(doc.encode().contains("MintRequest"));
    }

    @Test
    void aComponentTwoServicesDefineDifferentlyIsAConflictAndTheFirstIsKept() {
        JsonObject other = DEVICE.copy();
        other.getJsonObject("components").getJsonObject("schemas").put("OAuthError", new JsonObject().put("type", "string"));
        OpenApiMerge.Result r = OpenApiMerge.publicDocument(docs(TOKEN.copy(), other));
        assertEquals(List.of("schemas/OAuthError"), r.conflicts());
        assertEquals("object", r.document().getJsonObject("components").getJsonObject("schemas")
                .getJsonObject("OAuthError").getString("type"));
    }

    @Test
    void aDifferentSchemaOnlyAHiddenPathUsesIsNoConflict() {
        JsonObject other = DEVICE.copy();
        other.getJsonObject("components").getJsonObject("schemas").put("MintRequest", new JsonObject().put("type", "string"));
        assertTrue(OpenApiMerge.publicDocument(docs(TOKEN.copy(), other)).conflicts().isEmpty());
    }

    @Test
    void aPathIsTakenFromTheServiceTheRouteTableSendsItTo() {
        // device-service also documents /oauth/token (it answers device-code polls on its own port)
        JsonObject device = DEVICE.copy();
        device.getJsonObject("paths").put("/oauth/token", new JsonObject().put("post",
                new JsonObject().put("operationId", "devicePoll")));
        OpenApiMerge.Result r = OpenApiMerge.publicDocument(docs(TOKEN.copy(), device));
        assertEquals("token", r.document().getJsonObject("paths").getJsonObject("/oauth/token")
                .getJsonObject("post").getString("operationId"));
        assertTrue(r.conflicts().isEmpty(), r.conflicts().toString());
    }

    @Test
    void theSameInputsGiveTheSameBytes() {
        // the build merges the services' build output and the gateway what they serve: both must be one document
        String once = OpenApiMerge.publicDocument(docs(TOKEN.copy(), DEVICE.copy())).document().encode();
        String again = OpenApiMerge.publicDocument(docs(
                new JsonObject(TOKEN.encode()), new JsonObject(DEVICE.encode()))).document().encode();
        assertEquals(once, again);
    }
}
