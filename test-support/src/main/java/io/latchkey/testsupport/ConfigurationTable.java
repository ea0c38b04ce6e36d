package io.latchkey.testsupport;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/**
 * Checks README.md's Configuration table against a service's {@code @ConfigMapping} roots: every key a mapping
 * declares has a row with the mapping's default (the rate limits: in the section "Rate limits"); every row that names the service (or {@code all}) in its "used by"
 * cell names a key the service maps; every {@code latchkey.*} key the service's application.properties sets is mapped.
 *
 * <p>A row's first cell: {@code `latchkey.a.b-c`} names a key in full, a following {@code `d-e`} names its sibling
 * {@code latchkey.a.d-e}, {@code <name>} stands for any segments. Its default cell lists one value per key, split by
 * {@code " / "}: a code span is the default; anything else ("required in production", "empty") says there is none.
 */
public final class ConfigurationTable {

    private static final Pattern CODE_SPAN = Pattern.compile("`([^`]+)`");
    private static final Pattern WHOLE_CODE_SPAN = Pattern.compile("`([^`]*)`");
    private static final Pattern PROPERTY_LINE = Pattern.compile("(?m)^(?:%[\\w,-]+\\.)?(latchkey\\.[\\w.\"-]+)\\s*=");
    private static final String ENTRY = "<entry>";

    /** One row of the table. */
    record Row(List<String> keys, List<Optional<String>> defaults, Set<String> usedBy) {
    }

    private ConfigurationTable() {
    }

    /** Fails, listing every problem, unless README.md documents {@code root} as {@link #problems} describes. */
    public static void assertDocumented(String service, String module, Class<?> root) throws IOException {
        List<String> problems = problems(service, Path.of(module), root);
        if (!problems.isEmpty()) {
            throw new AssertionError("README.md's Configuration table and " + root.getSimpleName() + " disagree:\n  "
                    + String.join("\n  ", problems));
        }
    }

    /**
     * The problems found for {@code service} (the name its "used by" cells use: token, device, consent, gateway;
     * {@code all} checks only the rows used by all), reading {@code module}'s application.properties if present. A root
     * without {@code @ConfigMapping} (an interface the services' roots extend) is read under {@code latchkey}.
     */
    public static List<String> problems(String service, Path module, Class<?>... roots) throws IOException {
        Path root = repositoryRoot();
        String readme = Files.readString(root.resolve("README.md"));
        List<Row> rows = new ArrayList<>(rows(readme));
        rows.addAll(rateLimitRows(readme));
        Map<String, Optional<String>> mapped = new TreeMap<>();
        for (Class<?> type : roots) {
            ConfigMapping mapping = type.getAnnotation(ConfigMapping.class);
            walk(type, mapping != null ? mapping.prefix() : "latchkey", mapped);
        }
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, Optional<String>> key : mapped.entrySet()) {
            problems.addAll(checkDocumented(key.getKey(), key.getValue(), rows));
        }
        for (Row row : rows) {
            if (!row.usedBy().contains(service) && !row.usedBy().contains("all")) {
                continue;
            }
            for (String key : row.keys()) {
                if (key.startsWith("latchkey.") && mapped.keySet().stream().noneMatch(k -> matches(key, k))) {
                    problems.add("README row " + key + " says " + service + " reads it, but no mapping declares it");
                }
            }
        }
        Path properties = root.resolve(module).resolve("src/main/resources/application.properties");
        if (Files.exists(properties)) {
            Matcher m = PROPERTY_LINE.matcher(Files.readString(properties));
            while (m.find()) {
                String key = m.group(1).replaceAll("\"[^\"]*\"", ENTRY);
                if (mapped.keySet().stream().noneMatch(k -> k.equals(key) || matches(k, key))) {
                    problems.add(module + " application.properties sets " + key + ", which no mapping declares");
                }
            }
        }
        return problems;
    }

    private static List<String> checkDocumented(String key, Optional<String> mappedDefault, List<Row> rows) {
        for (Row row : rows) {
            int at = row.keys().indexOf(key);
            if (at < 0) {
                continue;
            }
            Optional<String> documented = row.defaults().size() == 1 ? row.defaults().get(0) : row.defaults().get(at);
            if (!documented.equals(mappedDefault)) {
                return List.of(key + ": README default " + documented.map(d -> "`" + d + "`").orElse("(none)")
                        + ", mapping default " + mappedDefault.map(d -> "`" + d + "`").orElse("(none)"));
            }
            return List.of();
        }
        boolean byPattern = rows.stream().flatMap(r -> r.keys().stream()).anyMatch(p -> p.contains("<") && matches(p, key));
        return byPattern ? List.of() : List.of(key + " has no row in README.md's Configuration table");
    }

    /** Every leaf key under {@code prefix}: groups are walked, {@code Optional} unwrapped, a map adds one segment. */
    static void walk(Class<?> type, String prefix, Map<String, Optional<String>> out) {
        for (Method method : type.getMethods()) {
            if (method.getParameterCount() > 0 || Modifier.isStatic(method.getModifiers()) || method.isDefault()) {
                continue;
            }
            WithName name = method.getAnnotation(WithName.class);
            String key = prefix + "." + (name != null ? name.value() : kebab(method.getName()));
            Optional<String> def = Optional.ofNullable(method.getAnnotation(WithDefault.class)).map(WithDefault::value);
            add(key, method.getGenericReturnType(), def, out);
        }
    }

    private static void add(String key, Type type, Optional<String> def, Map<String, Optional<String>> out) {
        Class<?> raw = raw(type);
        if (raw == Optional.class) {
            add(key, argument(type, 0), def, out);
        } else if (raw == Map.class) {
            add(key + "." + ENTRY, argument(type, 1), def, out);
        } else if (raw.isInterface() && !raw.getName().startsWith("java.")) {
            walk(raw, key, out);
        } else {
            out.put(key, def);
        }
    }

    private static Class<?> raw(Type type) {
        return type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
    }

    private static Type argument(Type type, int index) {
        return ((ParameterizedType) type).getActualTypeArguments()[index];
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }

    /** {@code <x>} in a documented key matches one or more segments (client ids may contain dots when quoted). */
    private static boolean matches(String pattern, String key) {
        if (!pattern.contains("<")) {
            return pattern.equals(key);
        }
        return key.matches(Pattern.quote(pattern).replaceAll("<[^>]+>", "\\\\E.+\\\\Q"));
    }

    /** The rows of the section "## Configuration" whose first cell starts with a code span. */
    static List<Row> rows(String readme) {
        List<Row> rows = new ArrayList<>();
        for (String line : tableLines(readme, "Configuration")) {
            String[] cells = line.split("\\|");
            List<String> keys = keys(cells[1]);
            List<Optional<String>> defaults = new ArrayList<>();
            for (String part : cells[2].replaceAll("\\([^)]*\\)", "").trim().split(" / ")) {
                Matcher whole = WHOLE_CODE_SPAN.matcher(part.trim());
                defaults.add(whole.matches() ? Optional.of(whole.group(1)) : Optional.empty());
            }
            if (defaults.size() != 1 && defaults.size() != keys.size()) {
                throw new IllegalStateException("README row has " + keys.size() + " keys but " + defaults.size()
                        + " defaults: " + line);
            }
            Set<String> usedBy = new TreeSet<>(Arrays.stream(cells[3].split(",")).map(String::trim).toList());
            rows.add(new Row(keys, defaults, usedBy));
        }
        return rows;
    }

    /** The section "## Rate limits" lists each {@code latchkey.rate-limit.<limit>} with its default. */
    static List<Row> rateLimitRows(String readme) {
        List<Row> rows = new ArrayList<>();
        for (String line : tableLines(readme, "Rate limits")) {
            String[] cells = line.split("\\|");
            Matcher name = WHOLE_CODE_SPAN.matcher(cells[1].trim());
            Matcher rate = WHOLE_CODE_SPAN.matcher(cells[2].trim());
            if (name.matches() && rate.matches()) {
                rows.add(new Row(List.of("latchkey.rate-limit." + name.group(1)), List.of(Optional.of(rate.group(1))),
                        Set.of("gateway")));
            }
        }
        return rows;
    }

    private static List<String> tableLines(String readme, String title) {
        int start = readme.indexOf("\n## " + title + "\n");
        if (start < 0) {
            throw new IllegalStateException("README.md has no section " + title);
        }
        int end = readme.indexOf("\n## ", start + 5);
        String section = readme.substring(start, end < 0 ? readme.length() : end);
        return Arrays.stream(section.split("\n")).filter(line -> line.startsWith("| `")).toList();
    }

    private static List<String> keys(String firstCell) {
        List<String> keys = new ArrayList<>();
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
        return keys;
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !(Files.exists(dir.resolve("README.md")) && Files.exists(dir.resolve("mvnw")))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("cannot find the repository root from " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
