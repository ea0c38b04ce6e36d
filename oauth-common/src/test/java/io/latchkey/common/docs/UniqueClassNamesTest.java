package io.latchkey.common.docs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** No two classes under any module's {@code src/main} share a simple name: a name says which class it is. */
class UniqueClassNamesTest {

    @Test
    void everyMainClassHasASimpleNameOfItsOwn() throws IOException {
        Path root = Path.of("").toAbsolutePath();
        while (root != null && !(Files.exists(root.resolve("README.md")) && Files.exists(root.resolve("mvnw")))) {
            root = root.getParent();
        }
        assertTrue(root != null, "cannot find the repository root");
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
        Map<String, List<String>> byName = sources.stream().collect(Collectors.groupingBy(
                p -> p.getFileName().toString(), TreeMap::new,
                Collectors.mapping(p -> p.toString().substring(p.toString().indexOf("/src/main/java/") + 15), Collectors.toList())));
        Map<String, List<String>> twins = new TreeMap<>(byName);
        twins.values().removeIf(paths -> paths.size() < 2);
        assertTrue(sources.size() > 200, "found too few sources to trust the scan: " + sources.size());
        assertTrue(twins.isEmpty(), "classes sharing a simple name: " + twins);
    }
}
