package io.latchkey.consent.grant;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import io.latchkey.common.error.OAuthError;
import io.latchkey.consent.audit.Origin;
import io.latchkey.consent.client.ClientDirectory;
import io.latchkey.consent.client.TokenGrantsApi;
import io.latchkey.consent.client.TokenGrantsApi.Usage;
import io.smallrye.mutiny.Uni;

/**
 * The user's side of grants after the fact: which apps hold one, and revoking one. A revoke goes to token-service
 * first (refresh tokens die, every gateway deny-lists the access tokens); only when that succeeded is the grant marked
 * revoked here. If token-service cannot be reached the user gets 503 and the grant stays active, so a revoke is never
 * recorded without taking effect; trying again is safe (token-service revokes idempotently).
 */
@ApplicationScoped
public class AuthorizedApps {

    private static final Logger LOG = Logger.getLogger(AuthorizedApps.class);

    /** What became of a revoke. */
    public enum Outcome { REVOKED, NOT_FOUND }

    private final ActiveGrants active;
    private final ClientDirectory clients;
    private final TokenGrantsApi tokenService;

    public AuthorizedApps(ActiveGrants active, ClientDirectory clients, @RestClient TokenGrantsApi tokenService) {
        this.active = active;
        this.clients = clients;
        this.tokenService = tokenService;
    }

    /** The user's active grants, newest first, each with its app and when it was last used. */
    public Uni<List<AuthorizedApp>> list(UUID userId) {
        return active.of(userId)
                .flatMap(found -> found.isEmpty()
                        ? Uni.createFrom().item(List.<AuthorizedApp>of())
                        : usage(found).flatMap(used -> describeAll(found, used)));
    }

    /** One of the user's active grants, described; null when it is not theirs or no longer active. */
    public Uni<AuthorizedApp> find(UUID userId, UUID grantId) {
        return active.find(userId, grantId)
                .flatMap(grant -> grant == null ? Uni.createFrom().nullItem() : describe(grant, Map.of()));
    }

    public Uni<Outcome> revoke(UUID userId, UUID grantId, Origin origin) {
        return active.find(userId, grantId)
                .flatMap(grant -> grant == null
                        ? Uni.createFrom().item(Outcome.NOT_FOUND)
                        : revokeInTokenService(grant).flatMap(ignored -> active.markRevoked(userId, grantId, origin))
                                .map(revoked -> revoked ? Outcome.REVOKED : Outcome.NOT_FOUND));
    }

    private Uni<Void> revokeInTokenService(Grant grant) {
        return tokenService.revoke(grant.id.toString())
                .onFailure().transform(e -> {
                    LOG.warnf("token-service could not revoke grant %s: %s", grant.id, e.toString());
                    return OAuthError.TEMPORARILY_UNAVAILABLE.with(
                            "The app could not be disconnected right now; it still has access. Please try again.");
                });
    }

    private Uni<Map<String, Usage>> usage(List<Grant> found) {
        List<String> ids = found.stream().map(g -> g.id.toString()).toList();
        // "last used" is a nicety: without token-service the page still lists every app (with the consent time)
        return tokenService.usage(new TokenGrantsApi.UsageRequest(ids))
                .onFailure().recoverWithItem(e -> {
                    LOG.warnf("Grant usage unavailable: %s", e.toString());
                    return Map.of();
                });
    }

    private Uni<List<AuthorizedApp>> describeAll(List<Grant> found, Map<String, Usage> used) {
        List<Uni<AuthorizedApp>> rows = found.stream().map(grant -> describe(grant, used)).toList();
        return Uni.join().all(rows).andFailFast();
    }

    private Uni<AuthorizedApp> describe(Grant grant, Map<String, Usage> used) {
        Usage usage = used == null ? null : used.get(grant.id.toString());
        OffsetDateTime lastUsed = grant.lastUsedAt;
        if (usage != null && usage.lastUsedAt() != null) {
            OffsetDateTime issued = usage.lastUsedAt().atOffset(ZoneOffset.UTC);
            lastUsed = lastUsed == null || issued.isAfter(lastUsed) ? issued : lastUsed;
        }
        OffsetDateTime lastUsedAt = lastUsed;
        return clients.find(grant.clientId)
                .map(client -> new AuthorizedApp(grant.id, client, grant.scopes, ScopeCatalogue.describe(grant.scopes),
                        grant.createdAt, lastUsedAt, grant.via));
    }
}
