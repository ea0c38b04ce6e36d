package io.latchkey.token.client;

import jakarta.enterprise.context.ApplicationScoped;

import io.latchkey.common.client.ClientChangeSubscriber;
import io.latchkey.common.client.ClientLookupCache;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;

import io.latchkey.token.config.TokenServiceConfig;

/**
 * Client lookups for the hot paths (token issuance, client authentication): oauth-common's
 * {@link ClientLookupCache} in front of PostgreSQL, so a busy client costs one database round trip per TTL, not one
 * per request. Every change drops the entry on every replica at once ({@link ClientChangeFeed}).
 */
@ApplicationScoped
public class ClientCache {

    private final ClientRepository repository;
    private final ClientLookupCache<Client> lookups;

    public ClientCache(ClientRepository repository, TokenServiceConfig config) {
        this.repository = repository;
        this.lookups = new ClientLookupCache<>(config.clients().cacheTtl());
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
