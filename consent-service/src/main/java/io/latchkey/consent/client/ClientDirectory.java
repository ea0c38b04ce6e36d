package io.latchkey.consent.client;

import io.latchkey.consent.config.ConsentServiceConfig;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.latchkey.common.client.ClientLookupCache;
import io.latchkey.common.contract.ClientInfo;
import io.smallrye.mutiny.Uni;

/** Client names and logos for consent pages, from token-service, in oauth-common's {@link ClientLookupCache}. */
@ApplicationScoped
public class ClientDirectory {

    private final TokenClientLookupApi api;
    private final ClientLookupCache<ClientInfo> lookups;

    public ClientDirectory(@RestClient TokenClientLookupApi api,
                           ConsentServiceConfig config) {
        this.api = api;
        this.lookups = new ClientLookupCache<>(config.clients().cacheTtl());
    }

    /** The client, or a placeholder showing only its id when token-service does not know it (not cached). */
    public Uni<ClientInfo> find(String clientId) {
        return lookups.find(clientId, () -> api.find(clientId))
                .onFailure(ClientDirectory::notFound).recoverWithItem(() -> ClientInfo.unknown(clientId));
    }

    /** Drops the entry: the client changed in token-service (consent-service {@code grant/ClientChangeGrants}). */
    public void invalidate(String clientId) {
        lookups.invalidate(clientId);
    }

    /** Drops everything (the change subscription was down: changes may have been missed). */
    public void clear() {
        lookups.clear();
    }

    private static boolean notFound(Throwable e) {
        return e instanceof WebApplicationException w && w.getResponse() != null && w.getResponse().getStatus() == 404;
    }
}
