package io.latchkey.common.client;

import java.util.function.Consumer;

import org.jboss.logging.Logger;

import io.latchkey.common.redis.ReconnectBackoff;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

/**
 * Follows {@link ClientChange#channel} for one service's client cache: every message is handed to {@code onChange}
 * (drop that client's entry). A message published while the subscription was down is lost, so after every
 * (re)subscription {@code onResubscribed} runs too (drop every entry: the cache cannot know what it missed). The
 * connection is retried after a {@link ReconnectBackoff} (100 ms, doubling to 500 ms). Plain Vert.x Redis client:
 * each service passes its own {@link Redis} and key prefix.
 */
public final class ClientChangeSubscriber {

    private static final Logger LOG = Logger.getLogger(ClientChangeSubscriber.class);

    private final Vertx vertx;
    private final Redis redis;
    private final String channel;
    private final Consumer<ClientChange> onChange;
    private final Runnable onResubscribed;
    private volatile boolean stopped;
    private volatile boolean subscribed;
    private RedisConnection connection;
    private final ReconnectBackoff backoff = new ReconnectBackoff();
    private int generation;

    public ClientChangeSubscriber(Vertx vertx, Redis redis, String keyPrefix, Consumer<ClientChange> onChange,
                                  Runnable onResubscribed) {
        this.vertx = vertx;
        this.redis = redis;
        this.channel = ClientChange.channel(keyPrefix);
        this.onChange = onChange;
        this.onResubscribed = onResubscribed;
    }

    public void start() {
        connect();
    }

    public void stop() {
        stopped = true;
        RedisConnection c = connection;
        if (c != null) {
            c.close();
        }
    }

    /** True while the subscription is up. */
    public boolean subscribed() {
        return subscribed;
    }

    private synchronized void connect() {
        if (stopped) {
            return;
        }
        int attempt = ++generation;
        redis.connect()
                .compose(conn -> {
                    connection = conn;
                    conn.handler(this::onMessage);
                    conn.exceptionHandler(e -> lost(attempt, e));
                    conn.endHandler(v -> lost(attempt, null));
                    return conn.send(Request.cmd(Command.SUBSCRIBE).arg(channel));
                })
                .onSuccess(ok -> {
                    subscribed = true;
                    backoff.reset();
                    onResubscribed.run();
                })
                .onFailure(e -> lost(attempt, e));
    }

    private void onMessage(Response push) {
        if (push == null || push.size() < 3 || !"message".equals(push.get(0).toString())
                || !channel.equals(push.get(1).toString())) {
            return;
        }
        ClientChange change = ClientChange.parse(push.get(2).toString());
        if (change != null) {
            onChange.accept(change);
        }
    }

    private synchronized void lost(int attempt, Throwable failure) {
        if (attempt != generation || stopped) {
            return;
        }
        generation++;
        subscribed = false;
        RedisConnection c = connection;
        connection = null;
        if (c != null) {
            c.close();
        }
        long delay = backoff.next();
        LOG.warnf("Client-change subscription lost (%s); subscribing again in %d ms",
                failure == null ? "connection closed" : failure.toString(), delay);
        vertx.setTimer(delay, id -> connect());
    }
}
