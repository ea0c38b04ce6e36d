package io.latchkey.device.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The device label kept from a User-Agent: short ones as sent, long ones without what names no device. */
class DeviceInfoTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "latchkey-cli/0.1.0 (Linux; laptop-7)|latchkey-cli/0.1.0 (Linux; laptop-7)",
            "curl/7.88.1|curl/7.88.1",
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0|(X11; Linux x86_64) Chrome/131.0.0.0 Edg/131.0.0.0",
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Safari/605.1.15|(Macintosh; Intel Mac OS X 10_15_7) Version/17.1 Safari",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0|(Windows NT 10.0; Win64; x64; rv:133.0) Firefox/133.0",
    })
    void aLabelKeepsWhatNamesTheDevice(String userAgent, String label) {
        assertEquals(label, DeviceInfo.userAgent(userAgent));
    }

    @Test
    void everyLabelFitsTheRecordsBudget() {
        String label = DeviceInfo.userAgent("x".repeat(512));
        assertEquals(DeviceInfo.MAX_LABEL, label.length());
        assertTrue(DeviceInfo.userAgent("Mozilla/5.0 " + "(a; b) ".repeat(40)).length() <= DeviceInfo.MAX_LABEL);
    }

    @Test
    void noUserAgentIsNoLabel() {
        assertNull(DeviceInfo.userAgent(null));
        assertNull(DeviceInfo.userAgent("   "));
    }
}
