package io.latchkey.device.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;

/**
 * A server-side Lua script run with EVALSHA (one round trip, no script text on the wire). Its SHA-1 is
 * computed locally; when Redis does not know the script (restart, flush, failover) the call falls back to EVAL,
 * which also caches it again.
 */
final class LuaScript {

    private final String source;
    private final String sha1;

    LuaScript(String source) {
        this.source = source;
        this.sha1 = sha1Hex(source);
    }

    String source() {
        return source;
    }

    String sha1() {
        return sha1;
    }

    /** Runs the script; {@code keysAndArgs} holds the key names first, then the arguments. */
    Uni<Response> run(ReactiveRedisDataSource redis, int numKeys, String... keysAndArgs) {
        return run(redis, numKeys, (Object[]) keysAndArgs);
    }

    /**
     * Runs the script with arguments that are each a {@link String} (sent as UTF-8) or a {@code byte[]} (sent as is:
     * hashes and addresses stay binary in Redis, half the size of their text forms).
     */
    Uni<Response> run(ReactiveRedisDataSource redis, int numKeys, Object... keysAndArgs) {
        Redis client = redis.getRedis();
        return client.send(request(Command.EVALSHA, sha1, numKeys, keysAndArgs))
                .onFailure(LuaScript::isNoScript)
                .recoverWithUni(() -> client.send(request(Command.EVAL, source, numKeys, keysAndArgs)));
    }

    private static Request request(Command command, String script, int numKeys, Object[] keysAndArgs) {
        Request request = Request.cmd(command).arg(script).arg(numKeys);
        for (Object a : keysAndArgs) {
            if (a instanceof byte[] bytes) {
                request.arg(bytes);
            } else {
                request.arg((String) a);
            }
        }
        return request;
    }

    private static boolean isNoScript(Throwable t) {
        String message = t.getMessage();
        return message != null && message.startsWith("NOSCRIPT");
    }

    private static String sha1Hex(String text) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            return HexFormat.of().formatHex(sha1.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is always available", e);
        }
    }
}
