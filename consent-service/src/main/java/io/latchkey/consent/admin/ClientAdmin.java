package io.latchkey.consent.admin;

import jakarta.enterprise.context.ApplicationScoped;

import io.latchkey.common.trust.OperatorIdentity.Caller;
import io.latchkey.consent.audit.AuditEvent;
import io.latchkey.consent.audit.AuditLog;
import io.latchkey.consent.client.ClientRegistrations;
import io.latchkey.consent.client.ClientRegistrations.ClientPage;
import io.latchkey.consent.client.ClientRegistrations.Registration;
import io.smallrye.mutiny.Uni;

/**
 * The console's client actions, through token-service's internal routes (which do not audit: the console does).
 * The audit event is written first, so nothing happens unaudited; token-service's disable revokes every grant of
 * the client, at every gateway within a second.
 */
@ApplicationScoped
public class ClientAdmin {

    public static final String CLIENT_DISABLE = "client.disable";
    public static final String CLIENT_ENABLE = "client.enable";

    private final ClientRegistrations clients;
    private final AuditLog audit;

    public ClientAdmin(ClientRegistrations clients, AuditLog audit) {
        this.clients = clients;
        this.audit = audit;
    }

    public Uni<ClientPage> search(String q, String cursor) {
        return clients.list(q, null, PageCursor.DEFAULT_LIMIT, cursor);
    }

    public Uni<Registration> setDisabled(Caller caller, String clientId, boolean disabled) {
        return audit.record(AuditEvent.admin(disabled ? CLIENT_DISABLE : CLIENT_ENABLE, caller.actor(), null, clientId,
                        caller.ip(), "{\"via\":\"console\"}"))
                .flatMap(ignored -> disabled ? clients.disable(clientId) : clients.enable(clientId));
    }
}
