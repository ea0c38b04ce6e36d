package io.latchkey.gateway.bearer;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.jboss.logging.Logger;

import io.latchkey.common.contract.RevocationNews;
import io.latchkey.common.redis.ReconnectBackoff;
import io.latchkey.common.revocation.RevocationKind;
import io.latchkey.common.revocation.RevocationList;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

/**
 * Keeps the {@link DenyList} current (docs/internal-api.md, "Revocations"): on start and on every Redis (re)connect it
 * SUBSCRIBEs to the revocation channels first, then loads every still-relevant revocation from their owner,
 * token-service's {@code GET /internal/revocations} (the durable record in PostgreSQL, not Redis), so that a
 * revocation published while loading is not missed and a Redis wipe or restart brings nothing back. The owner's list
 * is merged again every {@code reloadEveryMillis} (a revocation whose publish failed is picked up then at the latest).
 * Until subscribed and loaded the list is not {@link #live()} and protected routes answer 503 rather than let a
 * revoked token through.
 */
public final class DenyListFeed {

    private static final Logger LOG = Logger.getLogger(DenyListFeed.class);
    private static final long PURGE_EVERY_MILLIS = 10_000;
    /** A (re)connection that is not subscribed and loaded by then is given up and tried again. */
    private static final long CONNECT_TIMEOUT_MILLIS = 5_000;

    private final Vertx vertx;
    private final Redis redis;
    private final DenyList denyList;
    private final String prefix;
    private final Supplier<Future<RevocationList>> owner;
    private final long pushedEntryTtlMillis;
    private final long reloadEveryMillis;
    private final AtomicInteger generation = new AtomicInteger();
    private volatile boolean live;
    private volatile boolean stopped;
    private RedisConnection connection;
    private final ReconnectBackoff backoff = new ReconnectBackoff();
    private long purgeTimer = -1;
    private long reloadTimer = -1;

    /**
     * @param prefix               the Redis key prefix ({@code latchkey.redis.key-prefix})
     * @param owner                GETs the durable revocation list from token-service
     * @param pushedEntryTtlMillis how long to keep an entry pushed without an expiry (the longest access-token lifetime
     *                             plus a margin)
     * @param reloadEveryMillis    how often the owner's list is merged again while live
     */
    public DenyListFeed(Vertx vertx, Redis redis, DenyList denyList, String prefix,
                        Supplier<Future<RevocationList>> owner, long pushedEntryTtlMillis, long reloadEveryMillis) {
        this.vertx = vertx;
        this.redis = redis;
        this.denyList = denyList;
        this.prefix = prefix;
        this.owner = owner;
        this.pushedEntryTtlMillis = pushedEntryTtlMillis;
        this.reloadEveryMillis = reloadEveryMillis;
    }

    public void start() {
        purgeTimer = vertx.setPeriodic(PURGE_EVERY_MILLIS, id -> denyList.purgeExpired());
        reloadTimer = vertx.setPeriodic(reloadEveryMillis, id -> {
            if (live) {
                load().onFailure(e -> LOG.warnf("Periodic reload of the revocation list failed: %s", e.toString()));
            }
        });
        connect();
    }

    public void stop() {
        stopped = true;
        live = false;
        if (purgeTimer >= 0) {
            vertx.cancelTimer(purgeTimer);
        }
        if (reloadTimer >= 0) {
            vertx.cancelTimer(reloadTimer);
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
                        backoff.reset();
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
        for (RevocationKind kind : RevocationKind.values()) {
            subscribe.arg(kind.channel(prefix));
        }
        return conn.send(subscribe).mapEmpty();
    }

    /** Merges the owner's durable list (never replaces: entries pushed meanwhile stay). */
    private Future<Void> load() {
        Future<RevocationList> fetched;
        try {
            fetched = owner.get();
        } catch (RuntimeException e) {
            fetched = Future.failedFuture(e);
        }
        return fetched.map(list -> {
            long now = System.currentTimeMillis();
            for (RevocationList.Entry e : list.revocations()) {
                if (e.expiresAtMillis() >= now && e.kind() == RevocationKind.CLIENT) {
                    denyList.revokeClient(e.id(), e.revokedAtMillis(), e.expiresAtMillis());
                } else if (e.expiresAtMillis() >= now) {
                    denyList.revoke(e.kind(), e.id(), e.expiresAtMillis());
                }
            }
            return null;
        });
    }

    /** {@code ["message", channel, payload]}; the payload format is oauth-common {@link RevocationNews}. */
    private void onMessage(Response push) {
        if (push == null || push.size() < 3 || !"message".equals(push.get(0).toString())) {
            return;
        }
        RevocationKind kind = RevocationNews.kindOfChannel(prefix, push.get(1).toString());
        // malformed news is ignored: the periodic reload from the durable record brings it
        RevocationNews news = RevocationNews.parse(kind, push.get(2).toString());
        if (news == null) {
            return;
        }
        if (kind == RevocationKind.CLIENT) {
            denyList.revokeClient(news.id(), news.revokedAtMillis(), news.expiryMillis());
            return;
        }
        long expiry = news.expiryMillis() > 0 ? news.expiryMillis() : System.currentTimeMillis() + pushedEntryTtlMillis;
        denyList.revoke(kind, news.id(), expiry);
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
        long delay = backoff.next();
        LOG.warnf("Revocation feed not live (%s); subscribing and loading again in %d ms",
                failure == null ? "connection closed" : failure.toString(), delay);
        vertx.setTimer(delay, id -> connect());
    }
}
