package io.latchkey.consent.grant;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A user's consent to a client for scopes. At most one active (not revoked) grant per user and client. */
@Entity
@Table(name = "grants", schema = "consent")
public class Grant {

    public static final String VIA_DEVICE = "device";
    public static final String VIA_WEB = "web";

    @Id
    public UUID id;

    @Column(name = "user_id", nullable = false)
    public UUID userId;

    @Column(name = "client_id", nullable = false)
    public String clientId;

    /** Space-separated scope tokens (RFC 6749 §3.3). */
    @Column(nullable = false)
    public String scopes;

    @Column(nullable = false)
    public String via;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "last_used_at")
    public OffsetDateTime lastUsedAt;

    @Column(name = "revoked_at")
    public OffsetDateTime revokedAt;
}
