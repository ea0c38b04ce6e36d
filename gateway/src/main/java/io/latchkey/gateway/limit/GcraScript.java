package io.latchkey.gateway.limit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
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

    static final String SHA1 = sha1Hex(SOURCE);

    private GcraScript() {
    }

    /** Runs the script for these keys and their rates; the answer as {@link Outcome}. */
    static Future<Outcome> run(Redis redis, List<String> keys, List<Rate> rates) {
        return redis.send(request(Command.EVALSHA, SHA1, keys, rates))
                .recover(failure -> isNoScript(failure)
                        ? redis.send(request(Command.EVAL, SOURCE, keys, rates))
                        : Future.failedFuture(failure))
                .map(GcraScript::outcome);
    }

    private static Request request(Command command, String script, List<String> keys, List<Rate> rates) {
        Request request = Request.cmd(command).arg(script).arg(keys.size());
        keys.forEach(request::arg);
        for (Rate rate : rates) {
            request.arg(rate.emissionIntervalMicros()).arg(rate.periodMicros());
        }
        return request;
    }

    private static Outcome outcome(Response r) {
        return new Outcome(r.get(0).toInteger() == 1, r.get(1).toLong(), r.get(2).toInteger() - 1);
    }

    private static boolean isNoScript(Throwable t) {
        String message = t.getMessage();
        return message != null && message.startsWith("NOSCRIPT");
    }

    private static String sha1Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is always available", e);
        }
    }

    /** The script's answer: admitted, or refused by key {@code refusedIndex} (0-based) for {@code retryAfterMicros}. */
    record Outcome(boolean admitted, long retryAfterMicros, int refusedIndex) {
    }
}
