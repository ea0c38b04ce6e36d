package io.latchkey.consent.audit;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One line of the audit trail: who did what to which user or client, when, from where. Users' own actions
 * (authorize, deny, revoke) name the user; admin actions name the {@code actor} (a user id or a client_id) and carry
 * a small JSON {@code detail}.
 */
@Entity
@Table(name = "audit_events", schema = "consent")
public class AuditEvent {

    public static final String AUTHORIZE = "authorize";
    public static final String DENY = "deny";
    public static final String REVOKE = "revoke";
    /** The user revoked one session (refresh-token family) of an app; detail {"session_id": ...}. */
    public static final String SESSION_REVOKE = "session.revoke";
    /** The user revoked all their apps at once; detail {"apps": n} (each app also has its own revoke line). */
    public static final String REVOKE_ALL = "revoke_all";
    /** A signed-in browser session started (client_id: the app the sign-in was for, when there was one). */
    public static final String SIGN_IN = "sign_in";
    /** A wrong password for an existing account (never the password itself). */
    public static final String SIGN_IN_FAILED = "sign_in.failed";
    /** The user ended their other browser sessions (/account/sessions). */
    public static final String SESSIONS_SIGN_OUT_OTHERS = "sessions.sign_out_others";
    /** RFC 8628 §3.3: the user approved or denied a device's request (ip, user_agent: the device's own). */
    public static final String DEVICE_APPROVE = "device.approve";
    public static final String DEVICE_DENY = "device.deny";
    public static final String USER_CREATE = "user.create";
    public static final String USER_DISABLE = "user.disable";
    public static final String USER_ENABLE = "user.enable";
    public static final String APPLICATION_SUBMIT = "partner_application.submit";
    public static final String APPLICATION_APPROVE = "partner_application.approve";
    public static final String APPLICATION_REJECT = "partner_application.reject";
    public static final String PARTNER_SECRET_ROTATE = "partner_client.secret_rotate";
    public static final String PARTNER_REDIRECTS_UPDATE = "partner_client.update";

    @Id
    public UUID id;

    @Column(nullable = false)
    public OffsetDateTime at;

    @Column(name = "user_id")
    public UUID userId;

    @Column(name = "client_id")
    public String clientId;

    @Column(nullable = false)
    public String action;

    public String scopes;

    public String ip;

    @Column(name = "user_agent")
    public String userAgent;

    @Column(name = "grant_id")
    public UUID grantId;

    /** Who acted: a user id or a client_id (admin actions); null on a user's own actions (see userId). */
    public String actor;

    /** A JSON object with the details of an admin action, or null. */
    public String detail;

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

    /** An admin action: {@code actor} did {@code kind}, concerning the user and/or client named, with details. */
    public static AuditEvent admin(String kind, String actor, UUID userId, String clientId, String ip, String detail) {
        AuditEvent e = new AuditEvent();
        e.id = UUID.randomUUID();
        e.at = OffsetDateTime.now();
        e.action = kind;
        e.actor = actor;
        e.userId = userId;
        e.clientId = clientId;
        e.ip = ip;
        e.detail = detail;
        return e;
    }
}
