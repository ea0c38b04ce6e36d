package io.latchkey.token.client;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.latchkey.common.client.ClientChangeSubscriber;
import io.latchkey.common.client.ClientLookupCache;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;

/**
 * Client lookups for the hot paths (token issuance, client authentication): oauth-common's
 * {@link ClientLookupCache} in front of PostgreSQL, so a busy client costs one database round trip per TTL, not one
 * per request. Every change drops the entry on every replica at once ({@link ClientChangeFeed}).
 */
@ApplicationScoped
public class ClientCache {

    private final ClientRepository repository;
    private final ClientLookupCache<Client> lookups;

    public ClientCache(ClientRepository repository,
                       @ConfigProperty(name = ClientLookupCache.TTL_KEY, defaultValue = ClientLookupCache.DEFAULT_TTL) Duration ttl) {
        this.repository = repository;
        this.lookups = new ClientLookupCache<>(ttl);
    }

    /** The client, or null when no such client exists (absence is cached too, briefly). */
    public Uni<Client> find(String clientId) {
        return lookups.find(clientId, () -> repository.findById(clientId));
    }

    /** Drops the entry: the client changed (here, or on another replica: {@link ClientChangeFeed}). */
    public void invalidate(String clientId) {
        lookups.invalidate(clientId);
    }

    /** Follows the client-change channel for this cache. */
    ClientChangeSubscriber follow(Vertx vertx, Redis redis, String keyPrefix) {
        return lookups.follow(vertx, redis, keyPrefix);
    }
}
