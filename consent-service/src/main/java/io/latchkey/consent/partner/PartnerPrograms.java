package io.latchkey.consent.partner;

import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.latchkey.common.client.ClientMetadata;
import io.latchkey.common.client.ClientMetadataRules;
import io.latchkey.common.error.OAuthError;
import io.latchkey.common.error.OAuthException;
import io.latchkey.common.trust.OperatorIdentity.Caller;
import io.latchkey.consent.admin.PageCursor;
import io.latchkey.consent.audit.AuditEvent;
import io.latchkey.consent.audit.AuditLog;
import io.latchkey.consent.client.ClientRegistrations;
import io.latchkey.consent.client.ClientRegistrations.Registration;
import io.latchkey.consent.config.ConsentServiceConfig;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * The partner program (issue 12): a signed-in user applies; an operator approves (token-service registers the client,
 * owner = the applicant, and its secret waits for the partner in {@link RevealOnceSecrets}, never shown to the
 * operator) or rejects with a reason the partner sees; an approved partner rotates its secret and edits its redirect
 * URIs through token-service. Every step is audited.
 */
@ApplicationScoped
public class PartnerPrograms {

    public static final int MAX_REASON = 1000;

    /** A page of applications; {@code nextCursor} null on the last page. */
    public record ApplicationPage(List<PartnerApplication> applications, String nextCursor) {
    }

    private final PartnerApplicationRepository applications;
    private final ClientRegistrations clients;
    private final RevealOnceSecrets secrets;
    private final AuditLog audit;
    private final Set<String> offeredScopes;

    public PartnerPrograms(PartnerApplicationRepository applications, ClientRegistrations clients,
                           RevealOnceSecrets secrets, AuditLog audit,
                           ConsentServiceConfig config) {
        this.applications = applications;
        this.clients = clients;
        this.secrets = secrets;
        this.audit = audit;
        this.offeredScopes = Set.copyOf(new LinkedHashSet<>(config.partners().scopes()));
    }

    public Set<String> offeredScopes() {
        return offeredScopes;
    }

    public PartnerForm.Checked check(PartnerForm form) {
        return form.check(offeredScopes);
    }

    @WithTransaction
    public Uni<PartnerApplication> submit(UUID applicantId, PartnerForm.Checked c, String ip) {
        PartnerApplication a = new PartnerApplication();
        a.id = UUID.randomUUID();
        a.applicantId = applicantId;
        a.appName = c.form().appName().strip();
        a.description = c.form().description().strip();
        a.homepageUri = c.form().homepageUri();
        a.logoUri = c.form().logoUri();
        a.appType = c.type().wire();
        a.redirectUris = String.join("\n", c.uris());
        a.scopes = c.scope();
        a.contactEmail = c.form().contactEmail().strip();
        a.status = PartnerApplication.PENDING;
        a.createdAt = OffsetDateTime.now();
        return applications.persist(a)
                .call(saved -> audit.record(AuditEvent.admin(AuditEvent.APPLICATION_SUBMIT, applicantId.toString(),
                        applicantId, null, ip, detail(saved.id))));
    }

    public Uni<List<PartnerApplication>> mine(UUID applicantId) {
        return applications.ofApplicant(applicantId);
    }

    /** The applicant's own application, or 404 (another user's applications do not exist for them). */
    public Uni<PartnerApplication> mine(UUID applicantId, UUID id) {
        return applications.ofApplicant(applicantId, id).map(PartnerPrograms::orNotFound);
    }

    public Uni<PartnerApplication> find(UUID id) {
        return applications.byId(id).map(PartnerPrograms::orNotFound);
    }

    public Uni<ApplicationPage> list(String status, PageCursor page) {
        return applications.page(status, page)
                .map(found -> page.slice(found, a -> a.createdAt, a -> a.id))
                .map(slice -> new ApplicationPage(slice.items(), slice.nextCursor()));
    }

    /**
     * Registers the client in token-service and marks the application approved. The client id is derived from the
     * application id, so a second approval (two operators at once, or a retry after a failure) cannot register a
     * second client: token-service answers "taken", and the existing client is adopted if it is this applicant's.
     */
    public Uni<PartnerApplication> approve(Caller caller, UUID id) {
        return find(id).flatMap(app -> {
            if (!PartnerApplication.PENDING.equals(app.status)) {
                throw alreadyDecided(app);
            }
            ClientMetadata metadata = PartnerForm.metadata(app.type(), app.redirectUriList(), app.scopes, app,
                    app.applicantId.toString()).withClientId(clientIdFor(app));
            return clients.create(metadata)
                    .onFailure(PartnerPrograms::taken).recoverWithUni(e -> adopt(app, metadata.clientId()))
                    .call(reg -> reg.clientSecret() == null ? Uni.createFrom().voidItem()
                            : secrets.keep(app.id, reg.clientSecret()))
                    .flatMap(reg -> markApproved(caller, app, reg.clientId()));
        });
    }

    @WithTransaction
    Uni<PartnerApplication> markApproved(Caller caller, PartnerApplication app, String clientId) {
        return applications.decide(app.id, PartnerApplication.APPROVED, clientId, null, caller.actor())
                .flatMap(n -> {
                    if (n != 1) {
                        throw OAuthError.CONFLICT.with("The application was decided meanwhile.");
                    }
                    return audit.record(AuditEvent.admin(AuditEvent.APPLICATION_APPROVE, caller.actor(),
                            app.applicantId, clientId, caller.ip(), detail(app.id)));
                })
                .flatMap(ignored -> applications.byId(app.id));
    }

    public Uni<PartnerApplication> reject(Caller caller, UUID id, String reason) {
        if (reason == null || reason.isBlank() || reason.length() > MAX_REASON) {
            throw OAuthError.INVALID_REQUEST.with("reason must be 1 to " + MAX_REASON + " characters.");
        }
        return find(id).flatMap(app -> {
            if (!PartnerApplication.PENDING.equals(app.status)) {
                throw alreadyDecided(app);
            }
            return markRejected(caller, app, reason.strip());
        });
    }

    @WithTransaction
    Uni<PartnerApplication> markRejected(Caller caller, PartnerApplication app, String reason) {
        return applications.decide(app.id, PartnerApplication.REJECTED, null, reason, caller.actor())
                .flatMap(n -> {
                    if (n != 1) {
                        throw OAuthError.CONFLICT.with("The application was decided meanwhile.");
                    }
                    return audit.record(AuditEvent.admin(AuditEvent.APPLICATION_REJECT, caller.actor(),
                            app.applicantId, null, caller.ip(), detail(app.id)));
                })
                .flatMap(ignored -> applications.byId(app.id));
    }

    /** Whether the applicant has a secret waiting to be read. */
    public Uni<Boolean> secretWaiting(PartnerApplication app) {
        return app.clientId == null ? Uni.createFrom().item(false) : secrets.waiting(app.id);
    }

    /** The waiting secret, once; null when it was read already or expired. */
    public Uni<String> reveal(UUID applicantId, UUID id) {
        return approved(applicantId, id).flatMap(app -> secrets.take(app.id));
    }

    /** A new secret for the partner's confidential client (the old one keeps working for the overlap). */
    public Uni<PartnerApplication> rotateSecret(UUID applicantId, UUID id, String ip) {
        return approved(applicantId, id).flatMap(app -> {
            if (!app.type().confidential()) {
                throw OAuthError.INVALID_REQUEST.with("A public client has no secret.");
            }
            return clients.rotateSecret(app.clientId)
                    .call(reg -> secrets.keep(app.id, reg.clientSecret()))
                    .call(reg -> audit.record(AuditEvent.admin(AuditEvent.PARTNER_SECRET_ROTATE, applicantId.toString(),
                            applicantId, app.clientId, ip, detail(app.id))))
                    .replaceWith(app);
        });
    }

    /** New redirect URIs for the partner's client, checked here and again by token-service. */
    public Uni<PartnerApplication> replaceRedirectUris(UUID applicantId, UUID id, List<String> uris, String ip) {
        return approved(applicantId, id).flatMap(app -> {
            if (!app.type().redirects()) {
                throw OAuthError.INVALID_REQUEST.with("This kind of app has no redirect URIs.");
            }
            if (uris.isEmpty() || uris.size() > PartnerForm.MAX_URIS) {
                throw OAuthError.INVALID_REDIRECT_URI.with("Give 1 to " + PartnerForm.MAX_URIS + " redirect URIs.");
            }
            // RFC 9700 §4.1 / RFC 8252 §7: the same rules as at registration
            uris.forEach(uri -> ClientMetadataRules.checkRedirectUri(uri, !app.type().confidential()));
            return clients.replaceRedirectUris(app.clientId, uris)
                    .flatMap(reg -> saveRedirectUris(app, reg, ip));
        });
    }

    @WithTransaction
    Uni<PartnerApplication> saveRedirectUris(PartnerApplication app, Registration reg, String ip) {
        return applications.update("redirectUris = ?1 where id = ?2", String.join("\n", reg.redirectUris()), app.id)
                .call(ignored -> audit.record(AuditEvent.admin(AuditEvent.PARTNER_REDIRECTS_UPDATE,
                        app.applicantId.toString(), app.applicantId, app.clientId, ip, detail(app.id))))
                .flatMap(ignored -> applications.byId(app.id));
    }

    private Uni<PartnerApplication> approved(UUID applicantId, UUID id) {
        return mine(applicantId, id).map(app -> {
            if (!PartnerApplication.APPROVED.equals(app.status) || app.clientId == null) {
                throw OAuthError.CONFLICT.with("The application is not approved.");
            }
            return app;
        });
    }

    private Uni<Registration> adopt(PartnerApplication app, String clientId) {
        return clients.find(clientId).map(reg -> {
            if (!app.applicantId.toString().equals(reg.owner())) {
                throw OAuthError.CONFLICT.with("The client id of this application is taken.");
            }
            return reg;
        });
    }

    /** RFC 9700 §4.15: a client id that cannot be mistaken for a user's sub (a UUID). */
    static String clientIdFor(PartnerApplication app) {
        return "partner-" + app.id.toString().replace("-", "").substring(0, 20);
    }

    private static boolean taken(Throwable e) {
        return e instanceof OAuthException o && o.error() == OAuthError.INVALID_CLIENT_METADATA
                && o.description() != null && o.description().contains("taken");
    }

    private static OAuthException alreadyDecided(PartnerApplication app) {
        return OAuthError.CONFLICT.with("The application is " + app.status + " already.");
    }

    private static PartnerApplication orNotFound(PartnerApplication app) {
        if (app == null) {
            throw OAuthError.NOT_FOUND.with("No such application.");
        }
        return app;
    }

    private static String detail(UUID applicationId) {
        return "{\"application_id\":\"" + applicationId + "\"}";
    }
}
