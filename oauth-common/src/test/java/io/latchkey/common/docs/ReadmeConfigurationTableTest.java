package io.latchkey.common.docs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
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
 * The README's Configuration table is the one list an operator reads: every {@code latchkey.*} key a service reads
 * (an {@code @ConfigProperty}, a {@code @ConfigMapping} member, or a key set in a service's
 * {@code application.properties}) has a row, and every row names a key that exists.
 *
 * <p>In a row's first cell, {@code `latchkey.a.b-c`} names a key in full; a following {@code `d-e`} names its
 * sibling {@code latchkey.a.d-e}; {@code <name>} stands for any one segment ({@code latchkey.rate-limit.<limit>}).
 */
class ReadmeConfigurationTableTest {

    private static final Pattern CONFIG_PROPERTY = Pattern.compile("@ConfigProperty\\(\\s*name\\s*=\\s*\"(latchkey\\.[^\"]+)\"");
    private static final Pattern CONFIG_MAPPING = Pattern.compile("@ConfigMapping\\(\\s*prefix\\s*=\\s*\"(latchkey[^\"]*)\"");
    private static final Pattern MAPPING_MEMBER = Pattern.compile("(?m)^\\s+(?:@WithName\\(\"([^\"]+)\"\\)\\s+)?(?:@\\w+(?:\\([^)]*\\))?\\s+)*"
            + "([\\w.]+(?:<[^;()]*>)?)\\s+(\\w+)\\(\\);");
    private static final Pattern PROPERTY_LINE = Pattern.compile("(?m)^(?:%[\\w-]+\\.)?(latchkey\\.[\\w.\"-]+)\\s*=");
    private static final Pattern CODE_SPAN = Pattern.compile("`([^`]+)`");

    @Test
    void everyKeyTheServicesReadHasARowAndEveryRowNamesARealKey() throws IOException {
        Path root = repositoryRoot();
        Set<String> read = keysReadByTheServices(root);
        List<String> documented = documentedKeys(Files.readString(root.resolve("README.md")));

        Set<String> missing = new TreeSet<>();
        for (String key : read) {
            if (documented.stream().noneMatch(pattern -> matches(pattern, key))) {
                missing.add(key);
            }
        }
        Set<String> stale = new TreeSet<>();
        for (String pattern : documented) {
            if (pattern.startsWith("latchkey.") && read.stream().noneMatch(key -> matches(pattern, key))) {
                stale.add(pattern);
            }
        }
        assertTrue(read.size() > 20, "found too few keys to trust the scan: " + read);
        assertTrue(missing.isEmpty(), "keys without a row in README.md's Configuration table: " + missing);
        assertTrue(stale.isEmpty(), "rows in README.md's Configuration table for keys nothing reads: " + stale);
    }

    /** {@code <x>} in a documented key matches one or more segments (client ids may contain dots when quoted). */
    private static boolean matches(String pattern, String key) {
        if (!pattern.contains("<")) {
            return pattern.equals(key);
        }
        String regex = Pattern.quote(pattern).replaceAll("<[^>]+>", "\\\\E.+\\\\Q");
        return key.matches(regex);
    }

    private static Set<String> keysReadByTheServices(Path root) throws IOException {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> modules = Files.list(root)) {
            for (Path module : modules.filter(Files::isDirectory).toList()) {
                Path main = module.resolve("src/main");
                if (!Files.isDirectory(main)) {
                    continue;
                }
                Path properties = main.resolve("resources/application.properties");
                if (Files.exists(properties)) {
                    Matcher m = PROPERTY_LINE.matcher(Files.readString(properties));
                    while (m.find()) {
                        keys.add(normalise(m.group(1)));
                    }
                }
                try (Stream<Path> sources = Files.walk(main.resolve("java"))) {
                    sources.filter(p -> p.toString().endsWith(".java")).forEach(source -> addKeysFromSource(source, keys));
                } catch (java.nio.file.NoSuchFileException noJava) {
                    // a module without Java sources
                }
            }
        }
        return keys;
    }

    private static void addKeysFromSource(Path source, Set<String> keys) {
        String text;
        try {
            text = Files.readString(source);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Matcher property = CONFIG_PROPERTY.matcher(text);
        while (property.find()) {
            keys.add(property.group(1));
        }
        Matcher mapping = CONFIG_MAPPING.matcher(text);
        if (mapping.find()) {
            String prefix = mapping.group(1);
            Matcher member = MAPPING_MEMBER.matcher(text.substring(mapping.end()));
            while (member.find()) {
                String name = member.group(1) != null ? member.group(1) : kebab(member.group(3));
                boolean isMap = member.group(2).startsWith("Map<");
                keys.add(prefix + "." + name + (isMap ? ".<entry>" : ""));
            }
        }
    }

    /** Quoted map keys ({@code clients."partner-web".token-per-client}) become one {@code <entry>} segment. */
    private static String normalise(String key) {
        return key.replaceAll("\"[^\"]*\"", "<entry>");
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }

    /** The first cell of each row of the section "## Configuration", read as described in the class comment. */
    static List<String> documentedKeys(String readme) {
        int start = readme.indexOf("\n## Configuration");
        assertTrue(start >= 0, "README.md has no Configuration section");
        int end = readme.indexOf("\n## ", start + 5);
        String section = readme.substring(start, end < 0 ? readme.length() : end);
        List<String> keys = new ArrayList<>();
        for (String line : section.split("\n")) {
            if (!line.startsWith("| `")) {
                continue;
            }
            String firstCell = line.substring(1, line.indexOf('|', 1));
            String first = null;
            Matcher span = CODE_SPAN.matcher(firstCell.replaceAll("\\([^)]*\\)", ""));
            while (span.find()) {
                String name = span.group(1).trim();
                if (first == null || name.contains(".")) {
                    first = name;
                    keys.add(name);
                } else {
                    keys.add(first.substring(0, first.lastIndexOf('.') + 1) + name);
                }
            }
        }
        return keys;
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !(Files.exists(dir.resolve("README.md")) && Files.exists(dir.resolve("mvnw")))) {
            dir = dir.getParent();
        }
        assertTrue(dir != null, "cannot find the repository root from " + Path.of("").toAbsolutePath());
        return dir;
    }
}
