package io.latchkey.device.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.latchkey.common.client.ClientChangeSubscriber;
import io.latchkey.device.config.DeviceServiceConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;

/**
 * A client changed in token-service (created, updated, disabled, deleted, secret rotated): this replica forgets what
 * it cached about it at once, instead of after {@code latchkey.clients.cache-ttl} (oauth-common
 * {@code ClientChange}, channel {@code <prefix>client-changes}).
 */
@ApplicationScoped
public class ClientCacheInvalidation {

    private final ClientChangeSubscriber subscriber;

    public ClientCacheInvalidation(RemoteClientAuthenticator clients, Vertx vertx, Redis redis,
                                   DeviceServiceConfig config) {
        this.subscriber = clients.follow(vertx, redis, config.redis().keyPrefix());
    }

    void start(@Observes StartupEvent ignored) {
        subscriber.start();
    }

    void stop(@Observes ShutdownEvent ignored) {
        subscriber.stop();
    }
}
