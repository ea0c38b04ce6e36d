package io.latchkey.consent.grant;

import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.latchkey.common.client.ClientChange;
import io.latchkey.common.client.ClientChangeSubscriber;
import io.latchkey.consent.client.ClientDirectory;
import io.latchkey.consent.config.ConsentServiceConfig;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;

/**
 * Follows token-service's client changes (oauth-common {@link ClientChange}, channel {@code <prefix>client-changes}):
 * every change drops the client from this replica's {@link ClientDirectory} at once; a client disabled or deleted has
 * had all its grants revoked in token-service, so its grants here are marked revoked too and the user's Authorized
 * apps page stops showing it. Idempotent (only grants not yet revoked are touched), so every replica may run it.
 */
@ApplicationScoped
public class ClientChangeGrants {

    private static final Logger LOG = Logger.getLogger(ClientChangeGrants.class);

    private final GrantRepository grants;
    private final Vertx vertx;
    private final ClientChangeSubscriber subscriber;

    public ClientChangeGrants(GrantRepository grants, ClientDirectory directory, Vertx vertx, Redis redis,
                              ConsentServiceConfig config) {
        this.grants = grants;
        this.vertx = vertx;
        this.subscriber = new ClientChangeSubscriber(vertx, redis, config.redis().keyPrefix(), change -> {
            directory.invalidate(change.clientId());
            if (change.kind().revokesGrants()) {
                revokeGrantsOf(change.clientId());
            }
        }, directory::clear);
    }

    void start(@Observes StartupEvent ignored) {
        subscriber.start();
    }

    void stop(@Observes ShutdownEvent ignored) {
        subscriber.stop();
    }

    /** Marks every active grant of the client revoked; returns how many. */
    public Uni<Integer> revokeGrants(String clientId) {
        return Panache.withTransaction(() -> grants.update("revokedAt = ?1 where clientId = ?2 and revokedAt is null",
                OffsetDateTime.now(), clientId));
    }

    private void revokeGrantsOf(String clientId) {
        // Hibernate Reactive needs a (safe) duplicated context of its own, not the Redis connection's
        Context context = VertxContext.getOrCreateDuplicatedContext(vertx);
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(v -> revokeGrants(clientId).subscribe().with(
                n -> LOG.infof("Client %s disabled or deleted in token-service: %d grant(s) marked revoked", clientId, n),
                e -> LOG.warnf("Client %s: its grants could not be marked revoked (%s)", clientId, e.toString())));
    }
}
