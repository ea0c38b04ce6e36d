package io.latchkey.consent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.latchkey.testsupport.ConfigurationTable;

/** README.md's Configuration table lists every key consent-service maps, with the mapping's default. */
class ConfigurationDocumentedTest {

    @Test
    void everyMappedKeyHasARowWithItsDefaultAndEveryConsentRowIsMapped() throws Exception {
        List<String> problems = ConfigurationTable.problems("consent", Path.of("consent-service"),
                ConsentServiceConfig.class);
        assertEquals(List.of(), problems);
    }
}
