package io.latchkey.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Issue 15: the public OpenAPI document passes {@code @redocly/cli lint} (its recommended rules) with no error. It
 * lints the build's merged document, which GeneratedClientE2ETest proves is byte for byte the one the gateway serves.
 * Needs Node's npx on the PATH (the project's machines have it; npm fetches the pinned linter on first use); without
 * it the test is skipped and says so.
 */
class OpenApiLintTest {

    static final String REDOCLY = "@redocly/cli@2.77.0";

    @Test
    void thePublicDocumentLintsWithNoError() throws Exception {
        Assumptions.assumeTrue(onPath("npx"), "npx is not installed: OpenAPI lint skipped");
        Path doc = Path.of(System.getProperty("latchkey.root", ".."), "e2e-tests/target/openapi/latchkey.json")
                .toAbsolutePath().normalize();
        Path log = doc.resolveSibling("redocly-lint.txt");
        Process lint = new ProcessBuilder(List.of("npx", "--yes", REDOCLY, "lint", doc.toString(), "--format=stylish"))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!lint.waitFor(5, TimeUnit.MINUTES)) {
            lint.destroyForcibly();
            throw new AssertionError("redocly lint did not finish in 5 minutes; see " + log);
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertEquals(0, lint.exitValue(), "redocly lint found errors:\n" + output);
    }

    private static boolean onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }
}
