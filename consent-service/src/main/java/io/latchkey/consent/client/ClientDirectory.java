package io.latchkey.consent.client;

import io.latchkey.common.contract.ClientInfo;
import io.latchkey.consent.config.ConsentServiceConfig;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.smallrye.mutiny.Uni;

/** Client names and logos for consent pages, from token-service, cached briefly in memory. */
@ApplicationScoped
public class ClientDirectory {

    private static final int MAX_ENTRIES = 1000;

    private record Cached(ClientInfo client, long expiresAtMillis) {
    }

    private final TokenClientLookupApi api;
    private final long ttlMillis;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public ClientDirectory(@RestClient TokenClientLookupApi api,
                           ConsentServiceConfig config) {
        this.api = api;
        this.ttlMillis = config.clients().cacheTtl().toMillis();
    }

    /** The client, or a placeholder showing only its id when token-service does not know it. */
    public Uni<ClientInfo> find(String clientId) {
        Cached hit = cache.get(clientId);
        long now = System.currentTimeMillis();
        if (hit != null && hit.expiresAtMillis() > now) {
            return Uni.createFrom().item(hit.client());
        }
        return api.find(clientId)
                .invoke(client -> remember(clientId, client))
                .onFailure(ClientDirectory::notFound).recoverWithItem(() -> ClientInfo.unknown(clientId));
    }

    /** Drops the entry: the client changed in token-service (consent-service {@code grant/ClientChangeGrants}). */
    public void invalidate(String clientId) {
        cache.remove(clientId);
    }

    /** Drops everything (the change subscription was down: changes may have been missed). */
    public void clear() {
        cache.clear();
    }

    private void remember(String clientId, ClientInfo client) {
        if (cache.size() >= MAX_ENTRIES) {
            cache.clear();
        }
        cache.put(clientId, new Cached(client, System.currentTimeMillis() + ttlMillis));
    }

    private static boolean notFound(Throwable e) {
        return e instanceof WebApplicationException w && w.getResponse() != null && w.getResponse().getStatus() == 404;
    }
}
