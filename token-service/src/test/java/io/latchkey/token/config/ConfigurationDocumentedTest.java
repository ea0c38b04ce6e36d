package io.latchkey.token.config;

import org.junit.jupiter.api.Test;

import io.latchkey.testsupport.ConfigurationTable;

/** README.md's Configuration table lists every key token-service maps, with the mapping's default. */
class ConfigurationDocumentedTest {

    @Test
    void everyMappedKeyHasARowWithItsDefault() throws Exception {
        ConfigurationTable.assertDocumented("token", "token-service", TokenServiceConfig.class);
    }
}
