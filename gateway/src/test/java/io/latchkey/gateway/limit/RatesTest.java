package io.latchkey.gateway.limit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.EnumMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class RatesTest {

    private static Map<Limit, Rate> defaults() {
        Map<Limit, Rate> defaults = new EnumMap<>(Limit.class);
        for (Limit limit : Limit.values()) {
            defaults.put(limit, Rate.parse("10/1m"));
        }
        return defaults;
    }

    @Test
    void aClientOverrideReplacesTheDefaultForThatClientOnly() {
        Rates rates = new Rates(defaults(), Map.of("rs", Map.of(Limit.INTROSPECTION_PER_CLIENT, Rate.parse("1000/1m"))));
        assertEquals(1000, rates.of(Limit.INTROSPECTION_PER_CLIENT, "rs").requests());
        assertEquals(10, rates.of(Limit.INTROSPECTION_PER_CLIENT, "other").requests());
        assertEquals(10, rates.of(Limit.TOKEN_PER_CLIENT, "rs").requests());
    }

    @Test
    void aPerIpLimitIgnoresClientOverrides() {
        Rates rates = new Rates(defaults(), Map.of("rs", Map.of(Limit.TOKEN_PER_IP, Rate.parse("1000/1m"))));
        assertEquals(10, rates.of(Limit.TOKEN_PER_IP, "rs").requests());
    }

    @Test
    void anOverrideOfAnUnknownOrPerIpLimitIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> Rates.overrides("cli", Map.of("token-per-ip", "5/1m")));
        assertThrows(IllegalArgumentException.class,
                () -> Rates.overrides("cli", Map.of("no-such-limit", "5/1m")));
        assertEquals(5, Rates.overrides("cli", Map.of("token-per-client", "5/1m"))
                .get(Limit.TOKEN_PER_CLIENT).requests());
    }
}
