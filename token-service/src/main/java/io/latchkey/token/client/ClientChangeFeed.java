package io.latchkey.token.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.latchkey.common.client.ClientChange;
import io.latchkey.common.client.ClientChangeSubscriber;
import io.latchkey.token.config.TokenServiceConfig;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;

/**
 * Client changes on every replica at once: after a change is committed this replica drops its own cache entry and
 * publishes a {@link ClientChange} on {@code <prefix>client-changes}; every replica of every service (this one too)
 * drops the entry when it hears it. Publishing is best effort: the change is committed, and a replica that missed
 * the message sees it after {@code latchkey.clients.cache-ttl} at the latest.
 */
@ApplicationScoped
public class ClientChangeFeed {

    private static final Logger LOG = Logger.getLogger(ClientChangeFeed.class);

    private final ClientCache cache;
    private final ReactiveRedisDataSource redis;
    private final String keyPrefix;
    private final ClientChangeSubscriber subscriber;

    public ClientChangeFeed(ClientCache cache, ReactiveRedisDataSource redis, Vertx vertx, Redis plainRedis,
                            TokenServiceConfig config) {
        this.cache = cache;
        this.redis = redis;
        this.keyPrefix = config.redis().keyPrefix();
        this.subscriber = cache.follow(vertx, plainRedis, config.redis().keyPrefix());
    }

    void start(@Observes StartupEvent ignored) {
        subscriber.start();
    }

    void stop(@Observes ShutdownEvent ignored) {
        subscriber.stop();
    }

    /** Drops the local entry, then tells every other replica; never fails. */
    public Uni<Void> announce(ClientChange change) {
        cache.invalidate(change.clientId());
        return redis.execute("PUBLISH", ClientChange.channel(keyPrefix), change.message())
                .replaceWithVoid()
                .onFailure().invoke(e -> LOG.warnf("Client %s %s is committed but could not be announced on Redis (%s); "
                        + "other replicas see it within their cache TTL", change.clientId(), change.kind().wire(), e.toString()))
                .onFailure().recoverWithNull();
    }
}
