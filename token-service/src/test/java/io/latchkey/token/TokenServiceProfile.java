package io.latchkey.token;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** Seeds the demo clients for the tests (production seeds nothing). */
public class TokenServiceProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("latchkey.seed.demo", "true", "latchkey.internal.secret", "test-internal-secret");
    }
}
