package io.latchkey.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** How a mapping's keys and the README's rows are read (the services' tests then compare the two). */
class ConfigurationTableTest {

    interface Root {
        @WithDefault("http://localhost:8080")
        String issuer();

        Group group();

        @WithName("renamed")
        Optional<String> secret();

        Map<String, Map<String, String>> clients();
    }

    interface Group {
        @WithDefault("PT10S")
        Duration clockLeeway();
    }

    @Test
    void aMappingYieldsItsLeafKeysWithTheirDefaults() {
        Map<String, Optional<String>> keys = new TreeMap<>();
        ConfigurationTable.walk(Root.class, "latchkey", keys);
        assertEquals(Map.of(
                "latchkey.issuer", Optional.of("http://localhost:8080"),
                "latchkey.group.clock-leeway", Optional.of("PT10S"),
                "latchkey.renamed", Optional.empty(),
                "latchkey.clients.<entry>.<entry>", Optional.empty()), keys);
    }

    @Test
    void aRowNamesSiblingsAndGivesOneDefaultEachOrNoneInWords() {
        String readme = "intro\n## Configuration\n\n| key | default | used by | meaning |\n| --- | --- | --- | --- |\n"
                + "| `latchkey.a.b` (`ENV_B`) / `c` | `1` / `2s` (or less) | token, gateway | two keys |\n"
                + "| `latchkey.d` | required in production | all | a secret |\n"
                + "## Next\n| `latchkey.not.here` | `x` | all | other section |\n";
        List<ConfigurationTable.Row> rows = ConfigurationTable.rows(readme);
        assertEquals(List.of(
                new ConfigurationTable.Row(List.of("latchkey.a.b", "latchkey.a.c"),
                        List.of(Optional.of("1"), Optional.of("2s")), java.util.Set.of("gateway", "token")),
                new ConfigurationTable.Row(List.of("latchkey.d"), List.of(Optional.empty()), java.util.Set.of("all"))),
                rows);
    }
}
