package io.latchkey.gateway.config;

import org.junit.jupiter.api.Test;

import io.latchkey.testsupport.ConfigurationTable;

/** README.md's Configuration table lists every key gateway maps, with the mapping's default. */
class ConfigurationDocumentedTest {

    @Test
    void everyMappedKeyHasARowWithItsDefault() throws Exception {
        ConfigurationTable.assertDocumented("gateway", "gateway", GatewayServiceConfig.class);
    }
}
