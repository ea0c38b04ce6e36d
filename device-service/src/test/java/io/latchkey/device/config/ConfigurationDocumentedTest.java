package io.latchkey.device.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.latchkey.testsupport.ConfigurationTable;

/** README.md's Configuration table lists every key device-service maps, with the mapping's default. */
class ConfigurationDocumentedTest {

    @Test
    void everyMappedKeyHasARowWithItsDefaultAndEveryDeviceRowIsMapped() throws Exception {
        List<String> problems = ConfigurationTable.problems("device", Path.of("device-service"),
                DeviceServiceConfig.class);
        assertEquals(List.of(), problems);
    }
}
