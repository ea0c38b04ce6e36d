package io.latchkey.gateway.limit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RateTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "30/1m | 30 | PT1M",
            "600/PT1M | 600 | PT1M",
            " 5 / 10s | 5 | PT10S",
            "1/2h | 1 | PT2H",
            "4/PT0.5S | 4 | PT0.5S"})
    void aRateIsRequestsPerPeriod(String spec, int requests, String period) {
        Rate rate = Rate.parse(spec);
        assertEquals(requests, rate.requests());
        assertEquals(Duration.parse(period), rate.period());
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"", "30", "/1m", "0/1m", "-1/1m", "30/0s", "30/1d", "x/1m", "30/PTxM"})
    void aMalformedRateIsRefusedAtStartUp(String spec) {
        assertThrows(IllegalArgumentException.class, () -> Rate.parse(spec));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"60/1m | 1000000", "30/1m | 2000000", "4/8s | 2000000", "3/1s | 333333"})
    void eachRequestCostsOnePeriodDividedByTheRequests(String spec, long micros) {
        assertEquals(micros, Rate.parse(spec).emissionIntervalMicros());
    }
}
