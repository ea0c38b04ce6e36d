package io.latchkey.gateway.limit;

import java.util.List;

import io.latchkey.common.redis.RedisScript;
import io.vertx.core.Future;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Response;

/**
 * The whole limiter decision in one atomic Redis script: a GCRA (generic cell rate algorithm) over every limit of a
 * request. Each key holds its theoretical arrival time (TAT, µs, Redis clock so replicas agree) and expires when it
 * no longer matters. Either every limit admits the request and every TAT advances, or none does: a request refused
 * by one limit costs nothing in the others. Run with EVALSHA; on NOSCRIPT (restart, flush, failover) with EVAL.
 */
final class GcraScript {

    /**
     * KEYS: one counter per limit. ARGV: per key, its emission interval T and its period (burst tolerance + T), µs.
     * Returns {1, 0, 0} when admitted, else {0, retry-after µs, index of the refusing key (1-based)}.
     */
    static final String SOURCE = """
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
            local tats = {}
            for i, key in ipairs(KEYS) do
              local interval = tonumber(ARGV[2 * i - 1])
              local period = tonumber(ARGV[2 * i])
              local tat = tonumber(redis.call('GET', key) or '0')
              if tat < now then tat = now end
              local allowAt = tat + interval - period
              if now < allowAt then return {0, allowAt - now, i} end
              tats[i] = tat + interval
            end
            for i, key in ipairs(KEYS) do
              redis.call('SET', key, string.format('%d', tats[i]), 'PX', math.ceil((tats[i] - now) / 1000))
            end
            return {1, 0, 0}
            """;

    /** EVALSHA, and EVAL only when Redis answers NOSCRIPT (oauth-common's one Lua runner). */
    static final RedisScript SCRIPT = new RedisScript(SOURCE);

    private GcraScript() {
    }

    /** Runs the script for these keys and their rates; the answer as {@link Outcome}. */
    static Future<Outcome> run(Redis redis, List<String> keys, List<Rate> rates) {
        Object[] keysAndArgs = new Object[keys.size() + 2 * rates.size()];
        int i = 0;
        for (String key : keys) {
            keysAndArgs[i++] = key;
        }
        for (Rate rate : rates) {
            keysAndArgs[i++] = rate.emissionIntervalMicros();
            keysAndArgs[i++] = rate.periodMicros();
        }
        return SCRIPT.run(redis, keys.size(), keysAndArgs).map(GcraScript::outcome);
    }

    private static Outcome outcome(Response r) {
        return new Outcome(r.get(0).toInteger() == 1, r.get(1).toLong(), r.get(2).toInteger() - 1);
    }

    /** The script's answer: admitted, or refused by key {@code refusedIndex} (0-based) for {@code retryAfterMicros}. */
    record Outcome(boolean admitted, long retryAfterMicros, int refusedIndex) {
    }
}
