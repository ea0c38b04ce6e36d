package io.latchkey.consent.redis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.latchkey.common.redis.RedisScript;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Response;

/** Fixed-window counters in Redis (INCR, EXPIRE on the first hit), used for rate limits. */
@ApplicationScoped
public class Counters {

    /** INCR each key; the first increment of a window sets its TTL. Atomic, one round trip; returns the new values. */
    private static final RedisScript INCR_ALL = new RedisScript("""
            local out = {}
            for i, key in ipairs(KEYS) do
              local n = redis.call('INCR', key)
              if n == 1 or redis.call('TTL', key) < 0 then redis.call('EXPIRE', key, ARGV[1]) end
              out[i] = n
            end
            return out""");

    /** DECR each key that still exists (a refund), never below zero. */
    private static final RedisScript DECR_ALL = new RedisScript("""
            for _, key in ipairs(KEYS) do
              local n = tonumber(redis.call('GET', key))
              if n and n > 0 then redis.call('DECR', key) end
            end
            return 0""");

    private final ReactiveRedisDataSource redis;

    public Counters(ReactiveRedisDataSource redis) {
        this.redis = redis;
    }

    public Uni<List<Long>> increment(Duration window, String... keys) {
        return eval(INCR_ALL, String.valueOf(Math.max(1, window.toSeconds())), keys)
                .map(r -> {
                    List<Long> values = new ArrayList<>(r.size());
                    for (Response v : r) {
                        values.add(v.toLong());
                    }
                    return values;
                });
    }

    public Uni<Void> refund(String... keys) {
        return eval(DECR_ALL, "0", keys).replaceWithVoid();
    }

    public Uni<Long> current(String key) {
        return redis.value(Long.class).get(key).map(v -> v == null ? 0L : v);
    }

    public Uni<Void> reset(String key) {
        return redis.key().del(key).replaceWithVoid();
    }

    private Uni<Response> eval(RedisScript script, String arg, String... keys) {
        Object[] keysAndArg = new Object[keys.length + 1];
        System.arraycopy(keys, 0, keysAndArg, 0, keys.length);
        keysAndArg[keys.length] = arg;
        return script.run(redis, keys.length, keysAndArg);
    }
}
