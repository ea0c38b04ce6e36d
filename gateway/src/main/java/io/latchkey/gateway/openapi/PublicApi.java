package io.latchkey.gateway.openapi;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * What of a service's OpenAPI document the gateway publishes: every path but the internal API ({@code /internal/})
 * and Quarkus management ({@code /q/}), and only the component schemas the remaining document still refers to. The
 * admin API ({@code /admin/...}, bearer token with scope {@code admin}) is public API for operators and is published.
 */
public final class PublicApi {

    private static final List<String> HIDDEN_PREFIXES = List.of("/internal", "/q");
    private static final String SCHEMA_REF = "#/components/schemas/";

    private PublicApi() {
    }

    /** True when {@code path} (an OpenAPI paths key) is not for publication. */
    public static boolean hidden(String path) {
        String p = path.toLowerCase(Locale.ROOT);
        for (String prefix : HIDDEN_PREFIXES) {
            if (p.equals(prefix) || p.startsWith(prefix + "/")) {
                return true;
            }
        }
        return false;
    }

    /** Removes the hidden paths and the schemas nothing left refers to, in place; returns {@code document}. */
    public static JsonObject filter(JsonObject document) {
        if (document.getValue("paths") instanceof JsonObject paths) {
            paths.getMap().keySet().removeIf(PublicApi::hidden);
        }
        return pruneSchemas(document);
    }

    /** Removes the component schemas nothing else in {@code document} refers to, in place; returns it. */
    public static JsonObject pruneSchemas(JsonObject document) {
        if (document.getValue("components") instanceof JsonObject components
                && components.getValue("schemas") instanceof JsonObject schemas) {
            Object kept = components.remove("schemas");
            Set<String> used = usedSchemas(document, schemas);
            schemas.getMap().keySet().retainAll(used);
            if (!schemas.isEmpty()) {
                components.put("schemas", kept);
            }
            if (components.isEmpty()) {
                document.remove("components");
            }
        }
        return document;
    }

    /** Schemas referred to from {@code rest} (the document without its schemas), followed through other schemas. */
    private static Set<String> usedSchemas(JsonObject rest, JsonObject schemas) {
        Set<String> used = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        collectRefs(rest, todo);
        while (!todo.isEmpty()) {
            String name = todo.pop();
            if (used.add(name) && schemas.getValue(name) != null) {
                collectRefs(schemas.getValue(name), todo);
            }
        }
        return used;
    }

    private static void collectRefs(Object node, Deque<String> out) {
        if (node instanceof JsonObject o) {
            for (Map.Entry<String, Object> e : o) {
                if ("$ref".equals(e.getKey()) && e.getValue() instanceof String ref && ref.startsWith(SCHEMA_REF)) {
                    out.push(ref.substring(SCHEMA_REF.length()));
                } else {
                    collectRefs(e.getValue(), out);
                }
            }
        } else if (node instanceof JsonArray a) {
            for (Object item : a) {
                collectRefs(item, out);
            }
        }
    }
}
