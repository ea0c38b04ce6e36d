package io.latchkey.gateway.bearer;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.jboss.logging.Logger;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import io.vertx.redis.client.ResponseType;

/**
 * Keeps the {@link DenyList} current from Redis (docs/internal-api.md, "Grant revocation"): on every (re)connect it
 * SUBSCRIBEs to the revocation channels first, then loads the live entries of their indexes (ZRANGEBYSCORE now +inf),
 * so that a revocation published while loading is not missed. While the subscription is down the list is not
 * {@link #live()} and protected routes answer 503 rather than let a revoked token through.
 */
public final class DenyListFeed {

    private static final Logger LOG = Logger.getLogger(DenyListFeed.class);
    private static final long MIN_BACKOFF_MILLIS = 100;
    private static final long MAX_BACKOFF_MILLIS = 2000;
    private static final long PURGE_EVERY_MILLIS = 10_000;
    /** A (re)connection that is not subscribed and loaded by then is given up and tried again. */
    private static final long CONNECT_TIMEOUT_MILLIS = 5_000;

    /** A revocation kind: its pub/sub channel and its index, with the lifetime of an entry pushed without expiry. */
    private record Feed(String channel, String index, boolean grants) {
    }

    private final Vertx vertx;
    private final Redis redis;
    private final DenyList denyList;
    private final List<Feed> feeds;
    private final long pushedEntryTtlMillis;
    private final AtomicInteger generation = new AtomicInteger();
    private volatile boolean live;
    private volatile boolean stopped;
    private RedisConnection connection;
    private long backoff = MIN_BACKOFF_MILLIS;
    private long purgeTimer = -1;

    /**
     * @param prefix               the Redis key prefix ({@code latchkey.redis.key-prefix})
     * @param pushedEntryTtlMillis how long to keep an entry pushed without an expiry (the longest access-token lifetime
     *                             plus a margin)
     */
    public DenyListFeed(Vertx vertx, Redis redis, DenyList denyList, String prefix, long pushedEntryTtlMillis) {
        this.vertx = vertx;
        this.redis = redis;
        this.denyList = denyList;
        this.pushedEntryTtlMillis = pushedEntryTtlMillis;
        this.feeds = List.of(
                new Feed(prefix + "revoked-grants", prefix + "revoked-grants:index", true),
                new Feed(prefix + "revoked-jtis", prefix + "revoked-jtis:index", false));
    }

    public void start() {
        purgeTimer = vertx.setPeriodic(PURGE_EVERY_MILLIS, id -> denyList.purgeExpired());
        connect();
    }

    public void stop() {
        stopped = true;
        live = false;
        if (purgeTimer >= 0) {
            vertx.cancelTimer(purgeTimer);
        }
        RedisConnection c = connection;
        if (c != null) {
            c.close();
        }
    }

    /** True while subscribed and loaded: every revocation published so far is in the list. */
    public boolean live() {
        return live;
    }

    private void connect() {
        if (stopped) {
            return;
        }
        int attempt = generation.incrementAndGet();
        vertx.setTimer(CONNECT_TIMEOUT_MILLIS, id -> {
            if (!live && attempt == generation.get()) {
                lost(attempt, new java.util.concurrent.TimeoutException("not subscribed after " + CONNECT_TIMEOUT_MILLIS + " ms"));
            }
        });
        redis.connect()
                .compose(conn -> subscribe(attempt, conn))
                .compose(subscribed -> load())
                .onSuccess(loaded -> {
                    if (attempt == generation.get()) {
                        live = true;
                        backoff = MIN_BACKOFF_MILLIS;
                        LOG.infof("Revocation list live: %d entries", denyList.size());
                    }
                })
                .onFailure(failure -> lost(attempt, failure));
    }

    private Future<Void> subscribe(int attempt, RedisConnection conn) {
        connection = conn;
        conn.handler(this::onMessage);
        conn.exceptionHandler(failure -> lost(attempt, failure));
        conn.endHandler(ended -> lost(attempt, null));
        Request subscribe = Request.cmd(Command.SUBSCRIBE);
        feeds.forEach(feed -> subscribe.arg(feed.channel()));
        return conn.send(subscribe).mapEmpty();
    }

    private Future<Void> load() {
        String now = String.valueOf(System.currentTimeMillis());
        Future<Void> all = Future.succeededFuture();
        for (Feed feed : feeds) {
            all = all.compose(done -> redis.send(Request.cmd(Command.ZRANGEBYSCORE).arg(feed.index()).arg(now)
                            .arg("+inf").arg("WITHSCORES"))
                    .map(entries -> {
                        addAll(feed, entries);
                        return null;
                    }));
        }
        return all;
    }

    private void addAll(Feed feed, Response entries) {
        if (entries == null) {
            return;
        }
        for (int i = 0; i < entries.size(); i++) {
            Response entry = entries.get(i);
            // RESP3 answers [member, score] pairs; RESP2 a flat member, score, member, score list
            if (entry.type() == ResponseType.MULTI) {
                add(feed, entry.get(0).toString(), entry.get(1).toDouble().longValue());
            } else if (i + 1 < entries.size()) {
                add(feed, entry.toString(), (long) Double.parseDouble(entries.get(++i).toString()));
            }
        }
    }

    /** {@code ["message", channel, payload]}; the payload is an id, optionally followed by its expiry in epoch ms. */
    private void onMessage(Response push) {
        if (push == null || push.size() < 3 || !"message".equals(push.get(0).toString())) {
            return;
        }
        String channel = push.get(1).toString();
        String payload = push.get(2).toString().trim();
        for (Feed feed : feeds) {
            if (feed.channel().equals(channel) && !payload.isEmpty()) {
                int space = payload.indexOf(' ');
                long expiry = System.currentTimeMillis() + pushedEntryTtlMillis;
                if (space > 0) {
                    try {
                        expiry = Long.parseLong(payload.substring(space + 1).trim());
                    } catch (NumberFormatException ignored) {
                        // keep the default lifetime
                    }
                }
                add(feed, space > 0 ? payload.substring(0, space) : payload, expiry);
            }
        }
    }

    private void add(Feed feed, String id, long expiresAtMillis) {
        if (feed.grants()) {
            denyList.revokeGrant(id, expiresAtMillis);
        } else {
            denyList.revokeToken(id, expiresAtMillis);
        }
    }

    private void lost(int attempt, Throwable failure) {
        if (attempt != generation.get() || stopped) {
            return; // an older connection's last words, or shutting down
        }
        generation.incrementAndGet();
        live = false;
        RedisConnection c = connection;
        connection = null;
        if (c != null) {
            c.close();
        }
        LOG.warnf("Revocation feed from Redis lost (%s); reconnecting in %d ms",
                failure == null ? "connection closed" : failure.toString(), backoff);
        long delay = backoff;
        backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
        vertx.setTimer(delay, id -> connect());
    }
}
