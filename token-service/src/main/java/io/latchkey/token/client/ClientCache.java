package io.latchkey.token.client;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.smallrye.mutiny.Uni;

/**
 * Client lookups for the hot paths (token issuance, client authentication): a short-lived in-memory cache in
 * front of PostgreSQL, so a busy client costs one database round trip per TTL, not one per request.
 */
@ApplicationScoped
public class ClientCache {

    private record Entry(Client client, long expiresAtNanos) {
    }

    private final ClientRepository repository;
    private final long ttlNanos;
    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

    public ClientCache(ClientRepository repository,
                       @ConfigProperty(name = "latchkey.clients.cache-ttl", defaultValue = "PT30S") Duration ttl) {
        this.repository = repository;
        this.ttlNanos = ttl.toNanos();
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
                    entries.put(clientId, new Entry(c, System.nanoTime() + ttlNanos));
                });
    }

    public void invalidate(String clientId) {
        entries.remove(clientId);
    }
}
