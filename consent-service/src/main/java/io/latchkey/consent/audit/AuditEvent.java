package io.latchkey.consent.audit;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One line of the audit trail: who authorized, denied or revoked which client, from where. */
@Entity
@Table(name = "audit_events", schema = "consent")
public class AuditEvent {

    public static final String AUTHORIZE = "authorize";
    public static final String DENY = "deny";
    public static final String REVOKE = "revoke";

    @Id
    public UUID id;

    @Column(nullable = false)
    public OffsetDateTime at;

    @Column(name = "user_id", nullable = false)
    public UUID userId;

    @Column(name = "client_id", nullable = false)
    public String clientId;

    @Column(nullable = false)
    public String action;

    public String scopes;

    public String ip;

    @Column(name = "user_agent")
    public String userAgent;

    @Column(name = "grant_id")
    public UUID grantId;

    public static AuditEvent of(String action, UUID userId, String clientId, String scopes, UUID grantId,
                                Origin origin) {
        AuditEvent e = new AuditEvent();
        e.id = UUID.randomUUID();
        e.at = OffsetDateTime.now();
        e.action = action;
        e.userId = userId;
        e.clientId = clientId;
        e.scopes = scopes;
        e.grantId = grantId;
        e.ip = origin.ip();
        e.userAgent = origin.userAgent();
        return e;
    }
}
