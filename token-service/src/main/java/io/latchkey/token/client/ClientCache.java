package io.latchkey.token.client;

import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

import io.latchkey.token.config.TokenServiceConfig;

/**
 * Client lookups for the hot paths (token issuance, client authentication): a short-lived in-memory cache in
 * front of PostgreSQL, so a busy client costs one database round trip per TTL, not one per request. Every change
 * drops the entry on every replica at once ({@link ClientChangeFeed}).
 */
@ApplicationScoped
public class ClientCache {

    private record Entry(Client client, long expiresAtNanos) {
    }

    /** "No such client" is remembered this long only: a client created on another replica is usable at once anyway
     * (its "created" message drops the entry), this just bounds a missed message. */
    static final long ABSENT_TTL_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(1);

    private final ClientRepository repository;
    private final long ttlNanos;
    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

    public ClientCache(ClientRepository repository, TokenServiceConfig config) {
        this.repository = repository;
        this.ttlNanos = config.clients().cacheTtl().toNanos();
    }

    /** The client, or null when no such client exists (absence is cached too, briefly). */
    public Uni<Client> find(String clientId) {
        Entry e = entries.get(clientId);
        long now = System.nanoTime();
        if (e != null && now - e.expiresAtNanos < 0) {
            return Uni.createFrom().item(e.client);
        }
        return repository.findById(clientId)
                .invoke(c -> {
                    if (entries.size() > 10_000) {
                        entries.clear(); // bound memory against floods of unknown ids
                    }
                    entries.put(clientId, new Entry(c, System.nanoTime() + (c == null ? Math.min(ttlNanos, ABSENT_TTL_NANOS) : ttlNanos)));
                });
    }

    /** Drops every entry (after a client-change subscription was down, messages may have been missed). */
    public void clear() {
        entries.clear();
    }

    /** Drops the entry: the client changed (here, or on another replica: {@link ClientChangeFeed}). */
    public void invalidate(String clientId) {
        entries.remove(clientId);
    }
}
