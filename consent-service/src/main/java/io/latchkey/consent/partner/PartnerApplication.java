package io.latchkey.consent.partner;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A signed-in user's application for an OAuth app, and what an operator decided. */
@Entity
@Table(name = "partner_applications", schema = "consent")
public class PartnerApplication {

    public static final String PENDING = "pending";
    public static final String APPROVED = "approved";
    public static final String REJECTED = "rejected";

    @Id
    public UUID id;

    @Column(name = "applicant_id", nullable = false)
    public UUID applicantId;

    @Column(name = "app_name", nullable = false)
    public String appName;

    @Column(nullable = false)
    public String description;

    @Column(name = "homepage_uri", nullable = false)
    public String homepageUri;

    @Column(name = "logo_uri")
    public String logoUri;

    /** {@link AppType#wire()}. */
    @Column(name = "app_type", nullable = false)
    public String appType;

    /** One per line. */
    @Column(name = "redirect_uris", nullable = false)
    public String redirectUris;

    /** Space-separated (RFC 6749 §3.3). */
    @Column(nullable = false)
    public String scopes;

    @Column(name = "contact_email", nullable = false)
    public String contactEmail;

    @Column(nullable = false)
    public String status;

    @Column(name = "reject_reason")
    public String rejectReason;

    /** Set on approval: the client token-service registered. */
    @Column(name = "client_id")
    public String clientId;

    /** The operator who decided (a user id or an operator client's id). */
    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "decided_at")
    public OffsetDateTime decidedAt;

    public AppType type() {
        return AppType.of(appType);
    }

    public java.util.List<String> redirectUriList() {
        return redirectUris == null || redirectUris.isEmpty() ? java.util.List.of()
                : java.util.List.of(redirectUris.split("\n"));
    }
}
