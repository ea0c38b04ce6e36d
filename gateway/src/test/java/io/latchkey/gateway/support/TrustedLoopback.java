package io.latchkey.gateway.support;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The test client (on loopback) plays a trusted TLS-terminating proxy in front of the gateway. */
public class TrustedLoopback implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("latchkey.gateway.trusted-proxies", "127.0.0.0/8, ::1");
    }
}
