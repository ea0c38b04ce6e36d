package io.latchkey.consent.config;

import org.junit.jupiter.api.Test;

import io.latchkey.testsupport.ConfigurationTable;

/** README.md's Configuration table lists every key consent-service maps, with the mapping's default. */
class ConfigurationDocumentedTest {

    @Test
    void everyMappedKeyHasARowWithItsDefault() throws Exception {
        ConfigurationTable.assertDocumented("consent", "consent-service", ConsentServiceConfig.class);
    }
}
