package io.latchkey.consent.grant;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import io.latchkey.common.contract.GrantUsageReport;
import io.latchkey.common.contract.GrantUsageRequest;
import io.latchkey.common.contract.SessionSummary;
import io.latchkey.common.error.OAuthError;
import io.latchkey.consent.audit.AuditEvent;
import io.latchkey.consent.audit.AuditLog;
import io.latchkey.consent.audit.Origin;
import io.latchkey.consent.client.ClientDirectory;
import io.latchkey.consent.client.TokenGrantsApi;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * The user's side of grants after the fact: which apps hold one and their sessions, and revoking a session, an app
 * or all apps. A revoke goes to token-service first (refresh tokens die, every gateway denies the access tokens);
 * only when that succeeded is it recorded here. If token-service cannot be reached the user gets 503 and nothing is
 * marked revoked, so a revoke is never recorded without taking effect; trying again is safe (token-service revokes
 * idempotently).
 */
@ApplicationScoped
public class AuthorizedApps {

    private static final Logger LOG = Logger.getLogger(AuthorizedApps.class);

    /** What became of a revoke. */
    public enum Outcome { REVOKED, NOT_FOUND }

    private final ActiveGrants active;
    private final ClientDirectory clients;
    private final TokenGrantsApi tokenService;
    private final AuditLog audit;

    public AuthorizedApps(ActiveGrants active, ClientDirectory clients, @RestClient TokenGrantsApi tokenService,
                          AuditLog audit) {
        this.active = active;
        this.clients = clients;
        this.tokenService = tokenService;
        this.audit = audit;
    }

    /** The user's active grants, newest first, each with its app, when it was last used and its live sessions. */
    public Uni<List<AuthorizedApp>> list(UUID userId) {
        return active.of(userId)
                .flatMap(found -> found.isEmpty()
                        ? Uni.createFrom().item(List.<AuthorizedApp>of())
                        : usageOrNone(found).flatMap(used -> describeAll(found, used)));
    }

    /** One of the user's active grants, described with its sessions; null when it is not theirs or no longer active. */
    public Uni<AuthorizedApp> find(UUID userId, UUID grantId) {
        return active.find(userId, grantId)
                .flatMap(grant -> grant == null ? Uni.createFrom().nullItem()
                        : usageOrNone(List.of(grant)).flatMap(used -> describe(grant, used)));
    }

    public Uni<Outcome> revoke(UUID userId, UUID grantId, Origin origin) {
        return active.find(userId, grantId)
                .flatMap(grant -> grant == null
                        ? Uni.createFrom().item(Outcome.NOT_FOUND)
                        : revokeInTokenService(grant).flatMap(ignored -> active.markRevoked(userId, grantId, origin))
                                .map(revoked -> revoked ? Outcome.REVOKED : Outcome.NOT_FOUND));
    }

    /**
     * Revokes one live session of one of the user's active grants: token-service first, then the audit line.
     * NOT_FOUND when the grant is not the user's (or no longer active) or the session is not one of its live ones.
     */
    public Uni<Outcome> revokeSession(UUID userId, UUID grantId, UUID sessionId, Origin origin) {
        return active.find(userId, grantId)
                .flatMap(grant -> grant == null
                        ? Uni.createFrom().item(Outcome.NOT_FOUND)
                        : liveSession(grant, sessionId).flatMap(session -> session == null
                                ? Uni.createFrom().item(Outcome.NOT_FOUND)
                                : revokeSessionInTokenService(grant, session, origin)));
    }

    /**
     * Revokes every active grant of the user, one after the other; answers how many. A grant token-service could not
     * revoke stays active and the whole call fails with 503 (those revoked before it stay revoked: trying again
     * revokes the rest). One {@code revoke} line per app and one {@code revoke_all} line are audited.
     */
    public Uni<Integer> revokeAll(UUID userId, Origin origin) {
        return active.of(userId)
                .flatMap(found -> Multi.createFrom().iterable(found)
                        .onItem().transformToUniAndConcatenate(grant -> revokeInTokenService(grant)
                                .flatMap(ignored -> active.markRevoked(userId, grant.id, origin)))
                        .collect().asList())
                .flatMap(done -> {
                    int revoked = (int) done.stream().filter(Boolean::booleanValue).count();
                    if (revoked == 0) {
                        return Uni.createFrom().item(0);
                    }
                    AuditEvent e = AuditEvent.of(AuditEvent.REVOKE_ALL, userId, null, null, null, origin);
                    e.detail = "{\"apps\":" + revoked + "}";
                    return audit.record(e).replaceWith(revoked);
                });
    }

    private Uni<SessionSummary> liveSession(Grant grant, UUID sessionId) {
        return usage(List.of(grant))
                .map(used -> {
                    GrantUsageReport report = used.get(grant.id.toString());
                    return report == null || report.sessions() == null ? null : report.sessions().stream()
                            .filter(s -> sessionId.equals(s.sessionId())).findFirst().orElse(null);
                })
                .onFailure().transform(AuthorizedApps::unavailable);
    }

    private Uni<Outcome> revokeSessionInTokenService(Grant grant, SessionSummary session, Origin origin) {
        return tokenService.revokeSession(grant.id.toString(), session.sessionId().toString())
                .map(revoked -> Outcome.REVOKED)
                .onFailure(AuthorizedApps::notFound).recoverWithItem(Outcome.NOT_FOUND)
                .onFailure().transform(e -> {
                    LOG.warnf("token-service could not revoke session %s of grant %s: %s", session.sessionId(),
                            grant.id, e.toString());
                    return unavailable(e);
                })
                .flatMap(outcome -> outcome == Outcome.NOT_FOUND ? Uni.createFrom().item(outcome)
                        : audit.record(sessionRevoked(grant, session, origin)).replaceWith(outcome));
    }

    private static AuditEvent sessionRevoked(Grant grant, SessionSummary session, Origin origin) {
        AuditEvent e = AuditEvent.of(AuditEvent.SESSION_REVOKE, grant.userId, grant.clientId, grant.scopes, grant.id,
                origin);
        // the session id is a UUID: nothing to escape
        e.detail = "{\"session_id\":\"" + session.sessionId() + "\"}";
        return e;
    }

    private Uni<Void> revokeInTokenService(Grant grant) {
        return tokenService.revoke(grant.id.toString())
                .onFailure().transform(e -> {
                    LOG.warnf("token-service could not revoke grant %s: %s", grant.id, e.toString());
                    return unavailable(e);
                });
    }

    private static boolean notFound(Throwable e) {
        return e instanceof WebApplicationException w && w.getResponse() != null && w.getResponse().getStatus() == 404;
    }

    private static RuntimeException unavailable(Throwable e) {
        return OAuthError.TEMPORARILY_UNAVAILABLE.with("This could not be revoked right now; it still has access. "
                + "Please try again.");
    }

    /** token-service's report on the grants, asked in slices of at most {@link GrantUsageRequest#MAX_GRANTS}. */
    private Uni<Map<String, GrantUsageReport>> usage(List<Grant> found) {
        List<Uni<Map<String, GrantUsageReport>>> slices = new ArrayList<>();
        for (int from = 0; from < found.size(); from += GrantUsageRequest.MAX_GRANTS) {
            List<String> ids = found.subList(from, Math.min(found.size(), from + GrantUsageRequest.MAX_GRANTS))
                    .stream().map(g -> g.id.toString()).toList();
            slices.add(tokenService.usage(new GrantUsageRequest(ids)));
        }
        return Uni.join().all(slices).andFailFast()
                .map(all -> {
                    Map<String, GrantUsageReport> merged = new HashMap<>();
                    all.forEach(m -> {
                        if (m != null) {
                            merged.putAll(m);
                        }
                    });
                    return merged;
                });
    }

    /** For listing: without token-service the page still lists every app (with the consent time), sessions unknown. */
    private Uni<Map<String, GrantUsageReport>> usageOrNone(List<Grant> found) {
        return usage(found)
                .onFailure().recoverWithItem(e -> {
                    LOG.warnf("Grant usage unavailable: %s", e.toString());
                    return null;
                });
    }

    private Uni<List<AuthorizedApp>> describeAll(List<Grant> found, Map<String, GrantUsageReport> used) {
        List<Uni<AuthorizedApp>> rows = found.stream().map(grant -> describe(grant, used)).toList();
        return Uni.join().all(rows).andFailFast();
    }

    private Uni<AuthorizedApp> describe(Grant grant, Map<String, GrantUsageReport> used) {
        GrantUsageReport usage = used == null ? null : used.get(grant.id.toString());
        OffsetDateTime lastUsed = grant.lastUsedAt;
        if (usage != null && usage.lastUsedAt() != null) {
            OffsetDateTime issued = usage.lastUsedAt().atOffset(ZoneOffset.UTC);
            lastUsed = lastUsed == null || issued.isAfter(lastUsed) ? issued : lastUsed;
        }
        OffsetDateTime lastUsedAt = lastUsed;
        List<SessionSummary> sessions = usage == null || usage.sessions() == null ? List.of()
                : usage.sessions().stream().filter(s -> s != null && s.sessionId() != null).toList();
        return clients.find(grant.clientId)
                .map(client -> new AuthorizedApp(grant.id, client, grant.scopes, ScopeCatalogue.describe(grant.scopes),
                        grant.createdAt, lastUsedAt, grant.via, sessions, used != null));
    }
}
