package io.latchkey.device.client;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.latchkey.common.client.ClientChangeSubscriber;
import io.latchkey.common.client.ClientLookupCache;
import io.latchkey.common.contract.ClientAuthenticationRequest;
import io.latchkey.common.contract.ClientInfo;
import io.latchkey.common.crypto.Secrets;
import io.latchkey.device.config.DeviceServiceConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;

/**
 * Authenticates (or, for public clients, looks up) clients through token-service and remembers positive answers
 * in oauth-common's {@link ClientLookupCache}, keyed by a hash of id and secret so that no secret is kept in memory
 * in clear.
 */
@ApplicationScoped
public class RemoteClientAuthenticator {

    private final TokenServiceApi tokenService;
    private final String internalSecret;
    private final ClientLookupCache<ClientInfo> cache;

    public RemoteClientAuthenticator(@RestClient TokenServiceApi tokenService,
            DeviceServiceConfig config) {
        this.tokenService = tokenService;
        this.internalSecret = config.internal().secret();
        this.cache = new ClientLookupCache<>(config.clients().cacheTtl());
    }

    /** The client, or a failed Uni with 401 {@code invalid_client} (never cached). */
    public Uni<ClientInfo> authenticate(CallerCredentials credentials) {
        return cache.find(cacheKey(credentials), credentials.clientId(), () -> tokenService
                .authenticate(internalSecret, new ClientAuthenticationRequest(credentials.clientId(), credentials.clientSecret())));
    }

    /** Follows the client-change channel for this cache ({@link ClientCacheInvalidation}). */
    ClientChangeSubscriber follow(Vertx vertx, Redis redis, String keyPrefix) {
        return cache.follow(vertx, redis, keyPrefix);
    }

    private static String cacheKey(CallerCredentials c) {
        // the \u0000 separator cannot occur in a form-decoded id, so id/secret pairs cannot be confused; a public
        // client's id is no secret: it is its own key, no hash per request
        return c.hasSecret() ? Secrets.sha256Base64Url(c.clientId() + '\u0000' + "s" + c.clientSecret()) : c.clientId() + "\u0000-";
    }
}
