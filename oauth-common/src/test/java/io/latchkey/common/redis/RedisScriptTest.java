package io.latchkey.common.redis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

/** Against the local Redis (127.0.0.1:6379): every script here is unique, so Redis has never cached it. */
class RedisScriptTest {

    static Vertx vertx;
    static Redis redis;

    @BeforeAll
    static void connect() {
        vertx = Vertx.vertx();
        redis = Redis.createClient(vertx, "redis://127.0.0.1:6379");
    }

    @AfterAll
    static void close() throws Exception {
        redis.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    static <T> T await(Future<T> f) throws Exception {
        return f.toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    static RedisScript unique(String body) {
        return new RedisScript("-- " + UUID.randomUUID() + "\n" + body);
    }

    @Test
    void theLocallyComputedShaIsTheOneRedisNamesTheScriptBy() throws Exception {
        RedisScript script = unique("return 1");
        assertEquals(script.sha1(), await(script.load(redis)).toString());
    }

    @Test
    void aScriptRedisDoesNotHoldRunsOnceAsEvalAndIsCachedAfterwards() throws Exception {
        RedisScript script = unique("return ARGV[1]");
        assertEquals(0L, exists(script));

        assertEquals("hello", await(script.run(redis, 0, "hello")).toString());

        assertEquals(1L, exists(script));
    }

    @Test
    void stringsBytesAndNumbersArriveAsTheirBytes() throws Exception {
        RedisScript script = unique("return {KEYS[1], ARGV[1], ARGV[2]}");
        Response r = await(script.run(redis, 1, "k", new byte[] {0, (byte) 0xff, 10}, 42L));
        assertEquals("k", r.get(0).toString());
        assertArrayEquals(new byte[] {0, (byte) 0xff, 10}, r.get(1).toBytes());
        assertEquals("42", r.get(2).toString());
    }

    @Test
    void aScriptThatFailsIsNotRunASecondTime() throws Exception {
        String counter = "lk-test:" + UUID.randomUUID();
        RedisScript script = unique("redis.call('INCR', KEYS[1]) return redis.error_reply('ERR boom')");
        ExecutionException failed = assertThrows(ExecutionException.class, () -> await(script.run(redis, 1, counter)));
        assertTrue(failed.getCause().getMessage().contains("boom"), failed.getCause().getMessage());
        // only NOSCRIPT is answered with EVAL: any other failure is the caller's, not retried
        assertEquals("1", await(redis.send(Request.cmd(Command.GET).arg(counter))).toString());
        await(redis.send(Request.cmd(Command.DEL).arg(counter)));
    }

    private static long exists(RedisScript script) throws Exception {
        return await(redis.send(Request.cmd(Command.SCRIPT).arg("EXISTS").arg(script.sha1()))).get(0).toLong();
    }
}
