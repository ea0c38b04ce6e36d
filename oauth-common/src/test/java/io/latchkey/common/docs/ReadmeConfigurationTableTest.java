package io.latchkey.common.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.latchkey.common.config.SharedConfig;
import io.latchkey.testsupport.ConfigurationTable;

/**
 * README.md's Configuration table lists every key oauth-common's beans read, with the mapping's default, and every row
 * "used by all" is a key they map. Each service's ConfigurationDocumentedTest does the same for its own root mapping.
 */
class ReadmeConfigurationTableTest {

    @Test
    void everySharedKeyHasARowWithItsDefault() throws Exception {
        assertEquals(List.of(), ConfigurationTable.problems("all", Path.of("oauth-common"), SharedConfig.class));
    }
}
