package io.latchkey.common.redis;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

/**
 * The one way Latchkey runs a server-side Lua script: EVALSHA (one round trip, only the 40-character SHA-1 on the
 * wire), and only when Redis answers NOSCRIPT (after a restart, SCRIPT FLUSH or a failover) the same call once more
 * as EVAL, which also caches the script again. Never a raw EVAL per call. The SHA-1 is computed here, once, so the
 * first call already hits Redis's script cache when the script was loaded with {@link #load}.
 *
 * <p>Plain Vert.x ({@link Future}) so the gateway can use it as is; a Mutiny caller wraps the future, e.g. with
 * {@code AsyncResultUni.toUni(h -> script.run(redis, 1, key, arg).onComplete(h))}. Each script touches only the keys
 * it is given in KEYS, so it runs unchanged on a Redis Cluster.
 */
public final class RedisScript {

    private final String source;
    private final String sha1;

    public RedisScript(String source) {
        this.source = source;
        this.sha1 = sha1Hex(source);
    }

    public String source() {
        return source;
    }

    /** The script's SHA-1 (lower-case hex), as Redis names it. */
    public String sha1() {
        return sha1;
    }

    /**
     * Runs the script. {@code keysAndArgs} holds the {@code numKeys} key names first, then the arguments; each is a
     * {@link String} (sent as UTF-8), a {@code byte[]} (sent as is: hashes and addresses stay binary) or a
     * {@link Number} (sent as its integer text).
     */
    public Future<Response> run(Redis redis, int numKeys, Object... keysAndArgs) {
        return redis.send(request(Command.EVALSHA, sha1, numKeys, keysAndArgs))
                .recover(failure -> isNoScript(failure)
                        ? redis.send(request(Command.EVAL, source, numKeys, keysAndArgs))
                        : Future.failedFuture(failure));
    }

    /** The same on a Quarkus data source, as Mutiny: lazy (nothing is sent before the Uni is subscribed). */
    public Uni<io.vertx.mutiny.redis.client.Response> run(ReactiveRedisDataSource ds, int numKeys, Object... keysAndArgs) {
        Redis redis = ds.getRedis().getDelegate();
        return Uni.createFrom().completionStage(() -> run(redis, numKeys, keysAndArgs)
                .map(io.vertx.mutiny.redis.client.Response::newInstance).toCompletionStage());
    }

    /** SCRIPT LOAD: caches the script on the node that answers (the SHA-1 it answers is {@link #sha1()}). */
    public Future<Response> load(Redis redis) {
        return redis.send(Request.cmd(Command.SCRIPT).arg("LOAD").arg(source));
    }

    private static Request request(Command command, String script, int numKeys, Object[] keysAndArgs) {
        Request request = Request.cmd(command).arg(script).arg(numKeys);
        for (Object a : keysAndArgs) {
            if (a instanceof String s) {
                request.arg(s);
            } else if (a instanceof byte[] bytes) {
                request.arg(bytes);
            } else if (a instanceof Number n) {
                request.arg(n.longValue());
            } else {
                throw new IllegalArgumentException("A script argument is a String, byte[] or Number: "
                        + (a == null ? "null" : a.getClass().getName()));
            }
        }
        return request;
    }

    /** Redis's answer to EVALSHA of a script it does not hold. */
    static boolean isNoScript(Throwable t) {
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
}
