package io.latchkey.gateway.limit;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** Small limits, so that a test reaches each of them in a few requests. */
public class TightLimits implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.ofEntries(
                Map.entry("latchkey.rate-limit.device-authorization-per-client", "3/1m"),
                Map.entry("latchkey.rate-limit.device-authorization-per-ip", "5/1m"),
                Map.entry("latchkey.rate-limit.token-per-client", "3/1m"),
                Map.entry("latchkey.rate-limit.token-per-ip", "6/1m"),
                Map.entry("latchkey.rate-limit.authorize-per-ip", "2/1m"),
                Map.entry("latchkey.rate-limit.sign-in-per-ip", "2/1m"),
                Map.entry("latchkey.rate-limit.revocation-per-client", "2/1m"),
                Map.entry("latchkey.rate-limit.introspection-per-client", "2/1m"),
                Map.entry("latchkey.rate-limit.clients.big-rs.introspection-per-client", "5/1m"));
    }
}
