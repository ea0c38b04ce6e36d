package io.latchkey.common.client;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;

/**
 * The one in-memory client cache of every service (token-service in front of PostgreSQL, consent- and device-service
 * in front of token-service): an answer is kept for {@code latchkey.clients.cache-ttl} (oauth-common {@code config/ClientCacheSettings}, the one default), "no such
 * client" (a null answer) 1 s at most, and every {@link ClientChange} drops that client's entries on every replica at
 * once ({@link #follow}). Failures are never cached. Bounded: past {@value #MAX_ENTRIES} entries it starts over.
 *
 * @param <V> what is cached about a client
 */
public final class ClientLookupCache<V> {

    static final int MAX_ENTRIES = 10_000;
    /** "No such client" is remembered this long only: it just bounds a missed "created" message. */
    static final long ABSENT_TTL_NANOS = TimeUnit.SECONDS.toNanos(1);

    private record Entry<V>(V value, String clientId, long expiresAtNanos) {
    }

    private final long ttlNanos;
    private final ConcurrentHashMap<String, Entry<V>> entries = new ConcurrentHashMap<>();
    /** Bumped by every invalidation: a lookup that started before one must not store its (maybe stale) answer. */
    private final AtomicLong invalidations = new AtomicLong();

    public ClientLookupCache(Duration ttl) {
        this.ttlNanos = ttl.toNanos();
    }

    /** {@link #find(String, String, Supplier)} keyed by the client id itself. */
    public Uni<V> find(String clientId, Supplier<Uni<V>> load) {
        return find(clientId, clientId, load);
    }

    /**
     * The cached answer under {@code key} (the client id, or a fingerprint of presented credentials), else
     * {@code load}'s answer, remembered for {@code clientId} (what {@link #invalidate} drops).
     */
    public Uni<V> find(String key, String clientId, Supplier<Uni<V>> load) {
        Entry<V> hit = entries.get(key);
        if (hit != null && System.nanoTime() - hit.expiresAtNanos < 0) {
            return Uni.createFrom().item(hit.value);
        }
        long seen = invalidations.get();
        return load.get().invoke(value -> remember(key, clientId, value, seen));
    }

    /** Drops every entry about this client: it changed (here, or on another replica). */
    public void invalidate(String clientId) {
        invalidations.incrementAndGet();
        entries.remove(clientId);
        entries.values().removeIf(e -> clientId.equals(e.clientId));
    }

    /** Drops everything (the change subscription was down: changes may have been missed). */
    public void clear() {
        invalidations.incrementAndGet();
        entries.clear();
    }

    /** A subscriber (start and stop it with the service) that applies every client change to this cache. */
    public ClientChangeSubscriber follow(Vertx vertx, Redis redis, String keyPrefix) {
        return new ClientChangeSubscriber(vertx, redis, keyPrefix, change -> invalidate(change.clientId()), this::clear);
    }

    int size() {
        return entries.size();
    }

    private void remember(String key, String clientId, V value, long seen) {
        if (invalidations.get() != seen) {
            return;
        }
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear(); // bound memory against floods of unknown ids
        }
        long ttl = value == null ? Math.min(ttlNanos, ABSENT_TTL_NANOS) : ttlNanos;
        entries.put(key, new Entry<>(value, clientId, System.nanoTime() + ttl));
    }
}
