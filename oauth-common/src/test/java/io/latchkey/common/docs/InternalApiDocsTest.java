package io.latchkey.common.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * {@code docs/internal-api.md} and the code agree on the internal routes: every {@code /internal/} route a service
 * declares (a JAX-RS resource) is documented as {@code METHOD /internal/...}, every documented one exists, and every
 * route a peer's REST client ({@code @RegisterRestClient}) calls exists on a server. Path parameters compare by
 * position ({@code {client_id}} = {@code {clientId}}), a query string in the docs is ignored.
 */
class InternalApiDocsTest {

    private static final Pattern HTTP_METHOD = Pattern.compile("@(GET|POST|PUT|DELETE|PATCH)\\b");
    private static final Pattern PATH = Pattern.compile("@(?:jakarta\\.ws\\.rs\\.)?Path\\(\\s*\"([^\"]*)\"\\s*\\)");
    private static final Pattern TYPE = Pattern.compile("(?m)^(?:public\\s+|final\\s+|abstract\\s+)*(class|interface|record)\\s+\\w+");
    private static final Pattern DOCUMENTED = Pattern.compile("`(GET|POST|PUT|DELETE|PATCH) (/internal/[^`\\s?]*)");

    /** One module's routes, as {@code "POST /internal/clients/{}/disable"}. */
    record Routes(Set<String> served, Set<String> called, Set<String> unguarded) {
    }

    @Test
    void everyInternalRouteInTheCodeIsDocumentedAndEveryDocumentedOneExists() throws IOException {
        Path root = repositoryRoot();
        Routes routes = scan(root);
        Set<String> documented = new TreeSet<>();
        Matcher m = DOCUMENTED.matcher(Files.readString(root.resolve("docs/internal-api.md")));
        while (m.find()) {
            documented.add(m.group(1) + " " + normalise(m.group(2)));
        }
        assertTrue(routes.served().size() >= 15, "found too few internal routes to trust the scan: " + routes.served());

        Set<String> undocumented = new TreeSet<>(routes.served());
        undocumented.removeAll(documented);
        Set<String> missing = new TreeSet<>(documented);
        missing.removeAll(routes.served());
        Set<String> unserved = new TreeSet<>(routes.called());
        unserved.removeAll(routes.served());
        assertEquals(Set.of(), undocumented, "internal routes missing from docs/internal-api.md");
        assertEquals(Set.of(), missing, "docs/internal-api.md documents internal routes no service declares");
        assertEquals(Set.of(), unserved, "REST clients call internal routes no service declares");
        // docs/internal-api.md: every internal resource class carries @InternalApi (the name-bound secret check)
        assertEquals(Set.of(), routes.unguarded(), "internal resources without @InternalApi");
    }

    @Test
    void theScanReadsResourceAndClientDeclarations() {
        String resource = """
                @InternalApi
                @Path("/internal/things")
                @Produces(MediaType.APPLICATION_JSON)
                public class ThingResource {
                    @GET
                    @Path("/{thingId}")
                    @Operation(summary = "A thing (with (parentheses))")
                    public Uni<Thing> find(@RestPath String thingId) { return null; }

                    @POST
                    @Consumes(MediaType.APPLICATION_JSON)
                    public Uni<Thing> create(byte[] body) { return null; }

                    public void helper() { }
                }
                """;
        Routes routes = new Routes(new TreeSet<>(), new TreeSet<>(), new TreeSet<>());
        read(resource, routes);
        assertEquals(Set.of("GET /internal/things/{}", "POST /internal/things"), routes.served());
        assertEquals(Set.of(), routes.unguarded());
        read("/** A record of things. */\n@Path(\"/internal/open\")\npublic class Open {\n    @GET\n    public String x() { return null; }\n}\n",
                routes);
        assertEquals(Set.of("/internal/open"), routes.unguarded());
        read("""
                @RegisterRestClient(configKey = "x")
                @Path("/internal")
                public interface ThingsApi {
                    @DELETE
                    @Path("/things/{thing_id}")
                    Uni<Void> delete(@PathParam("thing_id") String id);
                }
                """, routes);
        assertEquals(Set.of("DELETE /internal/things/{}"), routes.called());
    }

    private static Routes scan(Path root) throws IOException {
        Routes routes = new Routes(new TreeSet<>(), new TreeSet<>(), new TreeSet<>());
        List<Path> sources = new ArrayList<>();
        try (Stream<Path> modules = Files.list(root)) {
            for (Path module : modules.filter(Files::isDirectory).toList()) {
                Path main = module.resolve("src/main/java");
                if (Files.isDirectory(main)) {
                    try (Stream<Path> files = Files.walk(main)) {
                        files.filter(p -> p.toString().endsWith(".java")).forEach(sources::add);
                    }
                }
            }
        }
        for (Path source : sources) {
            String text = Files.readString(source);
            if (text.contains("\"/internal")) {
                read(text, routes);
            }
        }
        return routes;
    }

    /** The routes of one source file: its type-level {@code @Path} joined with each HTTP method's {@code @Path}. */
    static void read(String text, Routes routes) {
        Matcher type = TYPE.matcher(text);
        if (!type.find()) {
            return;
        }
        String header = text.substring(0, type.start());
        Matcher typePath = PATH.matcher(header);
        String base = null;
        while (typePath.find()) {
            base = typePath.group(1);
        }
        if (base == null || !base.startsWith("/internal")) {
            return;
        }
        boolean client = header.contains("@RegisterRestClient");
        if (!client && !header.contains("@InternalApi")) {
            routes.unguarded().add(base);
        }
        String body = text.substring(type.end());
        for (String annotations : annotationBlocks(body)) {
            Matcher method = HTTP_METHOD.matcher(annotations);
            if (!method.find()) {
                continue;
            }
            Matcher path = PATH.matcher(annotations);
            String route = method.group(1) + " " + normalise(base + (path.find() ? path.group(1) : ""));
            (client ? routes.called() : routes.served()).add(route);
        }
    }

    /** The annotations written before each declaration in a type body (parentheses balanced across lines). */
    private static List<String> annotationBlocks(String body) {
        List<String> blocks = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int depth = 0;
        for (String raw : body.split("\n")) {
            String line = raw.strip();
            if (depth > 0 || line.startsWith("@")) {
                current.append(line).append('\n');
                depth += count(line, '(') - count(line, ')');
                continue;
            }
            if (line.isEmpty() || line.startsWith("//") || line.startsWith("*") || line.startsWith("/*")) {
                continue;
            }
            if (current.length() > 0) {
                blocks.add(current.toString());
                current.setLength(0);
            }
        }
        return blocks;
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }

    private static String normalise(String path) {
        String p = path.replaceAll("\\{[^}]*}", "{}").replaceAll("//+", "/");
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    private static Path repositoryRoot() {
        Path root = Path.of("").toAbsolutePath();
        while (root != null && !(Files.exists(root.resolve("README.md")) && Files.exists(root.resolve("mvnw")))) {
            root = root.getParent();
        }
        assertTrue(root != null, "cannot find the repository root");
        return root;
    }
}
