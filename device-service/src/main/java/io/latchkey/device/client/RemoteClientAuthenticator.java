package io.latchkey.device.client;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.latchkey.common.contract.ClientAuthenticationRequest;
import io.latchkey.common.contract.ClientInfo;
import io.latchkey.device.config.DeviceConfig;
import io.latchkey.common.crypto.Secrets;
import io.smallrye.mutiny.Uni;

/**
 * Authenticates (or, for public clients, looks up) clients through token-service and remembers positive answers
 * for a short while, keyed by a hash of id and secret so that no secret is kept in memory in clear.
 */
@ApplicationScoped
public class RemoteClientAuthenticator {

    private static final int MAX_ENTRIES = 10_000;

    private final TokenServiceApi tokenService;
    private final String internalSecret;
    private final long ttlNanos;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public RemoteClientAuthenticator(@RestClient TokenServiceApi tokenService,
            @ConfigProperty(name = "latchkey.internal.secret") String internalSecret,
            DeviceConfig config) {
        this.tokenService = tokenService;
        this.internalSecret = internalSecret;
        this.ttlNanos = config.clientCacheTtl().toNanos();
    }

    /** The client, or a failed Uni with 401 {@code invalid_client}. */
    public Uni<ClientInfo> authenticate(CallerCredentials credentials) {
        String key = cacheKey(credentials);
        Cached hit = cache.get(key);
        long now = System.nanoTime();
        if (hit != null && now - hit.storedAt < ttlNanos) {
            return Uni.createFrom().item(hit.client);
        }
        return tokenService
                .authenticate(internalSecret, new ClientAuthenticationRequest(credentials.clientId(), credentials.clientSecret()))
                .invoke(client -> remember(key, client));
    }

    /** Drops every cached answer about this client (it changed: {@link ClientCacheInvalidation}). */
    public void invalidate(String clientId) {
        cache.values().removeIf(c -> clientId.equals(c.client.clientId()));
    }

    /** Drops everything (the change subscription was down: changes may have been missed). */
    public void clear() {
        cache.clear();
    }

    private void remember(String key, ClientInfo client) {
        if (cache.size() >= MAX_ENTRIES) {
            cache.clear();
        }
        cache.put(key, new Cached(client, System.nanoTime()));
    }

    private static String cacheKey(CallerCredentials c) {
        // the \u0000 separator cannot occur in a form-decoded id, so id/secret pairs cannot be confused; a public
        // client's id is no secret: it is its own key, no hash per request
        return c.hasSecret() ? Secrets.sha256Base64Url(c.clientId() + '\u0000' + "s" + c.clientSecret()) : c.clientId() + "\u0000-";
    }

    private record Cached(ClientInfo client, long storedAt) {
    }
}
