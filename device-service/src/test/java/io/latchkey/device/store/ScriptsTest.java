package io.latchkey.device.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.latchkey.common.redis.RedisScript;
import io.latchkey.device.support.FakeTokenService;
import io.latchkey.device.support.RandomKeyPrefix;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(RandomKeyPrefix.class)
@QuarkusTestResource(FakeTokenService.class)
class ScriptsTest {

    @Inject
    RedisDataSource redis;

    @Test
    void everyScriptIsCachedByRedisUnderTheShaItIsCalledBy() {
        for (RedisScript script : Scripts.ALL) {
            assertEquals(script.sha1(), redis.execute("SCRIPT", "LOAD", script.source()).toString());
        }
    }
}
