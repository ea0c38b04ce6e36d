package io.latchkey.token.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.latchkey.testsupport.ConfigurationTable;

/** README.md's Configuration table lists every key token-service maps, with the mapping's default. */
class ConfigurationDocumentedTest {

    @Test
    void everyMappedKeyHasARowWithItsDefaultAndEveryTokenRowIsMapped() throws Exception {
        List<String> problems = ConfigurationTable.problems("token", Path.of("token-service"),
                TokenServiceConfig.class);
        assertEquals(List.of(), problems);
    }
}
