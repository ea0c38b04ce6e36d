package io.latchkey.device.support;

import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Gives each test run its own Redis key prefix on the real local Redis. device-service has no PostgreSQL, so it
 * does not need test-support's FreshDatabase (whose JDBC driver lookup also fails after a profile restart).
 * Keys left behind expire by their own TTL.
 */
public class RandomKeyPrefix implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        String run = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        return Map.of("latchkey.redis.key-prefix", "lk-test-" + run + ":");
    }

    @Override
    public void stop() {
    }
}
