package io.latchkey.device.config;

import org.junit.jupiter.api.Test;

import io.latchkey.testsupport.ConfigurationTable;

/** README.md's Configuration table lists every key device-service maps, with the mapping's default. */
class ConfigurationDocumentedTest {

    @Test
    void everyMappedKeyHasARowWithItsDefault() throws Exception {
        ConfigurationTable.assertDocumented("device", "device-service", DeviceServiceConfig.class);
    }
}
