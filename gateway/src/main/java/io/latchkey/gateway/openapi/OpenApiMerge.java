package io.latchkey.gateway.openapi;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

import io.latchkey.gateway.routes.Route;
import io.latchkey.gateway.routes.RouteTable;
import io.latchkey.gateway.routes.Service;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * One OpenAPI 3.1 document from the services' own: the paths {@code include} accepts, in path order, with the
 * components they use (schemas, security schemes, shared responses...). A component two services define differently
 * is a conflict: the first definition is kept and the conflict reported (a test keeps the list empty). The output
 * depends only on the inputs, so the document served at {@code /openapi} is byte for byte the one the build merges
 * from the services' build output (e2e-tests generates its client from that).
 */
public final class OpenApiMerge {

    /** What it publishes at {@code /openapi/admin}: every operator path any service offers. */
    public static final Predicate<String> ADMIN = path -> path.equals("/admin") || path.startsWith("/admin/");
    /**
     * What the gateway publishes at {@code /openapi}: every public path (not internal, management or admin: the
     * services' own documents carry their admin operations, the merged public one leaves them to {@code /openapi/admin}).
     */
    public static final Predicate<String> PUBLIC = path -> !PublicApi.hidden(path) && !ADMIN.test(path);

    private static final List<String> SECTIONS = List.of("schemas", "responses", "parameters", "examples",
            "requestBodies", "headers", "securitySchemes");

    /** The merged document and the components that did not agree ("schemas/Foo"). */
    public record Result(JsonObject document, List<String> conflicts) {
    }

    static final String VERSION = "1.0.0";

    private OpenApiMerge() {
    }

    /** {@code /openapi}: the whole public API, from the services' documents in the given order. */
    public static Result publicDocument(Map<Service, JsonObject> services) {
        return merge("Latchkey", VERSION, "The public OAuth 2.0 API of Latchkey, through the gateway: the device "
                + "authorization grant (RFC 8628), the authorization code grant with PKCE, client credentials, "
                + "refresh, revocation (RFC 7009), introspection (RFC 7662), metadata (RFC 8414), the JWKS, the "
                + "sign-in and consent pages and the protected API under /api/ (RFC 6750).", services, PUBLIC);
    }

    /** {@code /openapi/admin}: every operator operation the services publish (bearer token with scope admin). */
    public static Result adminDocument(Map<Service, JsonObject> services) {
        return merge("Latchkey admin API", VERSION, "Operator operations of every Latchkey service.", services, ADMIN);
    }

    /**
     * The build's merge (e2e-tests runs it before generating its client): {@code public-out admin-out doc...}, each
     * doc a service's build-time OpenAPI JSON, in the gateway's order (token, device, consent).
     */
    public static void main(String[] args) throws java.io.IOException {
        Map<Service, JsonObject> docs = new EnumMap<>(Service.class);
        for (int i = 2; i < args.length; i++) {
            docs.put(Service.values()[i - 2], new JsonObject(java.nio.file.Files.readString(java.nio.file.Path.of(args[i]))));
        }
        write(java.nio.file.Path.of(args[0]), publicDocument(docs));
        write(java.nio.file.Path.of(args[1]), adminDocument(docs));
    }

    private static void write(java.nio.file.Path out, Result result) throws java.io.IOException {
        if (!result.conflicts().isEmpty()) {
            throw new IllegalStateException("OpenAPI components defined differently by two services: " + result.conflicts());
        }
        java.nio.file.Files.createDirectories(out.toAbsolutePath().getParent());
        java.nio.file.Files.write(out, result.document().toBuffer().getBytes());
    }

    public static Result merge(String title, String version, String description, Map<Service, JsonObject> documents,
                               Predicate<String> include) {
        Map<String, Object> paths = new TreeMap<>();
        Map<String, Map<String, Object>> components = new TreeMap<>();
        Map<String, Object> tags = new TreeMap<>();
        List<String> conflicts = new ArrayList<>();
        for (Map.Entry<Service, JsonObject> entry : documents.entrySet()) {
            JsonObject doc = entry.getValue();
            JsonObject docPaths = doc.getJsonObject("paths", new JsonObject());
            for (String path : docPaths.fieldNames()) {
                // a path the route table sends to another service is that service's to document (device-service
                // answers /oauth/token on its own port too, but through the gateway the path is token-service's)
                Service owner = owner(path);
                if (!include.test(path) || (owner != null && owner != entry.getKey())) {
                    continue;
                }
                if (paths.putIfAbsent(path, withSecurity(docPaths.getValue(path))) != null) {
                    conflicts.add("paths/" + path);
                }
            }
            JsonObject docComponents = doc.getJsonObject("components", new JsonObject());
            for (String section : SECTIONS) {
                JsonObject entries = docComponents.getJsonObject(section, new JsonObject());
                Map<String, Object> merged = components.computeIfAbsent(section, s -> new TreeMap<>());
                for (String name : entries.fieldNames()) {
                    Object mine = entries.getValue(name);
                    Object known = merged.putIfAbsent(name, mine);
                    if (known != null && !known.equals(mine)) {
                        conflicts.add(section + "/" + name);
                    }
                }
            }
            JsonArray docTags = doc.getJsonArray("tags", new JsonArray());
            for (Object tag : docTags) {
                if (tag instanceof JsonObject t && t.getString("name") != null) {
                    tags.putIfAbsent(t.getString("name"), t);
                }
            }
        }
        JsonObject out = new JsonObject()
                .put("openapi", "3.1.0")
                .put("info", new JsonObject().put("title", title).put("version", version).put("description", description))
                // relative: the gateway that served the document (its issuer differs per deployment)
                .put("servers", new JsonArray().add(new JsonObject().put("url", "/")
                        .put("description", "The Latchkey gateway that served this document")))
                .put("paths", new JsonObject(paths));
        JsonObject outComponents = new JsonObject();
        for (Map.Entry<String, Map<String, Object>> section : components.entrySet()) {
            if (!section.getValue().isEmpty()) {
                outComponents.put(section.getKey(), new JsonObject(section.getValue()));
            }
        }
        if (!outComponents.isEmpty()) {
            out.put("components", outComponents);
        }
        PublicApi.pruneSchemas(out);
        // keys in name order below the top level: services order their own keys differently at build and at run
        // time, and the document served must be the bytes the build generated its client from
        for (String key : List.of("paths", "components")) {
            if (out.getValue(key) instanceof JsonObject section) {
                out.put(key, canonical(section));
            }
        }
        // a conflict matters only where it is published: a schema pruned with its (hidden) paths is no conflict
        JsonObject kept = out.getJsonObject("components", new JsonObject()).getJsonObject("schemas", new JsonObject());
        conflicts.removeIf(c -> c.startsWith("schemas/") && !kept.containsKey(c.substring("schemas/".length())));
        List<Object> usedTags = usedTags(out, tags);
        if (!usedTags.isEmpty()) {
            out.put("tags", new JsonArray(usedTags));
        }
        return new Result(out, List.copyOf(conflicts));
    }

    /** {@code node} with every object's keys in name order (arrays keep theirs). */
    static Object canonical(Object node) {
        if (node instanceof JsonObject o) {
            Map<String, Object> sorted = new TreeMap<>();
            for (Map.Entry<String, Object> e : o) {
                sorted.put(e.getKey(), canonical(e.getValue()));
            }
            return new JsonObject(sorted);
        }
        if (node instanceof JsonArray a) {
            List<Object> items = new ArrayList<>(a.size());
            for (Object item : a) {
                items.add(canonical(item));
            }
            return new JsonArray(items);
        }
        return node;
    }

    /** The service the route table sends {@code path} (an OpenAPI path template) to, or null when none does. */
    static Service owner(String path) {
        for (Route route : RouteTable.ROUTES) {
            boolean matches = switch (route.match()) {
                case EXACT -> path.equals(route.path());
                case WITH_SUB_PATHS -> path.equals(route.path()) || path.startsWith(route.path() + "/");
                case PREFIX -> path.startsWith(route.path());
            };
            if (matches && route.kind() != Route.Kind.OPENAPI_DOCUMENT) {
                return route.service();
            }
        }
        return null;
    }

    /**
     * An operation that names no security needs none (the pages sign users in themselves; JWKS and metadata are
     * public): said explicitly, {@code security: []}, so clients and linters need not guess.
     */
    private static Object withSecurity(Object pathItem) {
        if (pathItem instanceof JsonObject item) {
            for (String method : item.fieldNames()) {
                if (item.getValue(method) instanceof JsonObject op && !op.containsKey("security")) {
                    op.put("security", new JsonArray());
                }
            }
        }
        return pathItem;
    }

    /** The tag objects of the tags the kept operations name, in name order. */
    private static List<Object> usedTags(JsonObject doc, Map<String, Object> tags) {
        TreeSet<String> used = new TreeSet<>();
        JsonObject paths = doc.getJsonObject("paths");
        for (String path : paths.fieldNames()) {
            if (paths.getValue(path) instanceof JsonObject item) {
                for (String method : item.fieldNames()) {
                    if (item.getValue(method) instanceof JsonObject op && op.getValue("tags") instanceof JsonArray named) {
                        named.forEach(n -> used.add(String.valueOf(n)));
                    }
                }
            }
        }
        List<Object> out = new ArrayList<>();
        for (String name : used) {
            out.add(tags.getOrDefault(name, new JsonObject().put("name", name)));
        }
        return out;
    }
}
