package io.latchkey.device.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.latchkey.device.support.FakeTokenService;
import io.latchkey.device.support.RandomKeyPrefix;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(RandomKeyPrefix.class)
@QuarkusTestResource(FakeTokenService.class)
class LuaScriptTest {

    @Inject
    RedisDataSource redis;

    @Inject
    ReactiveRedisDataSource reactiveRedis;

    @Test
    void theLocallyComputedShaIsTheOneRedisUsesSoEvalshaHitsTheCachedScript() {
        for (LuaScript script : Scripts.ALL) {
            assertEquals(script.sha1(), redis.execute("SCRIPT", "LOAD", script.source()).toString());
        }
    }

    @Test
    void aScriptRedisHasNeverSeenFallsBackToEvalAndIsCachedAfterwards() {
        // a unique script: Redis answers NOSCRIPT to its EVALSHA
        LuaScript fresh = new LuaScript("-- " + UUID.randomUUID() + "\nreturn ARGV[1]");
        assertEquals(0L, redis.execute("SCRIPT", "EXISTS", fresh.sha1()).get(0).toLong());

        String answer = fresh.run(reactiveRedis, 0, "hello").await().atMost(Duration.ofSeconds(5)).toString();

        assertEquals("hello", answer);
        assertEquals(1L, redis.execute("SCRIPT", "EXISTS", fresh.sha1()).get(0).toLong());
    }
}
