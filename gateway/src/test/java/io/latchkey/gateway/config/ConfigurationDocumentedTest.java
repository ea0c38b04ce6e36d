package io.latchkey.gateway.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.latchkey.testsupport.ConfigurationTable;

/** README.md's Configuration table lists every key gateway maps, with the mapping's default. */
class ConfigurationDocumentedTest {

    @Test
    void everyMappedKeyHasARowWithItsDefaultAndEveryGatewayRowIsMapped() throws Exception {
        List<String> problems = ConfigurationTable.problems("gateway", Path.of("gateway"),
                GatewayServiceConfig.class);
        assertEquals(List.of(), problems);
    }
}
