package io.latchkey.consent.authorize;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.latchkey.consent.audit.Origin;
import io.latchkey.consent.client.ClientDirectory;
import io.latchkey.consent.client.ClientInfo;
import io.latchkey.consent.grant.Grant;
import io.latchkey.consent.grant.Grants;
import io.latchkey.consent.login.Session;
import io.latchkey.consent.user.OperatorRole;
import io.latchkey.consent.user.UserRepository;
import io.smallrye.mutiny.Uni;

/**
 * The user's side of the authorization code flow (RFC 6749 §4.1.1–§4.1.2): validate the request, sign in, ask
 * for consent unless the active grant already covers the scopes and the client is verifiable
 * ({@link RememberedConsent}), then send the browser back with a code.
 */
@ApplicationScoped
public class Authorization {

    /** What the browser gets next. */
    public sealed interface Step permits ErrorPage, SignIn, Consent, Redirect {
    }

    /** The client or redirect URI is invalid: say so, never redirect (RFC 9700 §4.1.3). */
    public record ErrorPage(String message) implements Step {
    }

    /** Not signed in: sign in first, then come back to {@code returnTo}. */
    public record SignIn(String returnTo) implements Step {
    }

    /**
     * Ask the user; {@code request} carries the effective scope. {@code approvedBefore}: the user approved these
     * scopes before, but the client's identity cannot be verified, so the page is shown again.
     */
    public record Consent(AuthorizationRequest request, ClientInfo client, boolean approvedBefore) implements Step {
    }

    /** Back to the client with a code or an error. */
    public record Redirect(String location) implements Step {
    }

    private static final AuthorizeError NOT_AN_OPERATOR = new AuthorizeError("invalid_scope",
            "The scope admin can be granted only to Latchkey operators.");

    private final ClientDirectory clients;
    private final UserRepository users;
    private final Grants grants;
    private final AuthorizationCodes codes;
    private final String issuer;

    public Authorization(ClientDirectory clients, UserRepository users, Grants grants, AuthorizationCodes codes,
                         @ConfigProperty(name = "latchkey.issuer") String issuer) {
        this.clients = clients;
        this.users = users;
        this.grants = grants;
        this.codes = codes;
        this.issuer = issuer;
    }

    /** {@code GET /oauth/authorize}; {@code session} is null when the browser is not signed in. */
    public Uni<Step> start(AuthorizationRequest r, Session session, Origin origin) {
        return validated(r, session, (request, client) -> grants.active(session.userId(), client.clientId())
                .map(active -> RememberedConsent.of(client, active, request.scope()))
                .flatMap(outcome -> outcome == RememberedConsent.Outcome.SKIP_PAGE
                        // RFC 6749 §10.2: remembered only for a verifiable client, for the same or fewer scopes
                        ? issue(session, request, origin)
                        : Uni.createFrom().item(new Consent(request, client,
                                outcome == RememberedConsent.Outcome.ASK_AGAIN))));
    }

    /** {@code POST /consent}: the user's Allow or Deny, for a request validated again from scratch. */
    public Uni<Step> decide(AuthorizationRequest r, Session session, Origin origin, boolean allow) {
        return validated(r, session, (request, client) -> allow
                ? issue(session, request, origin)
                : grants.deny(session.userId(), request.clientId(), request.scope(), origin)
                        // RFC 6749 §4.1.2.1: the user said no
                        .replaceWith(redirect(request, new AuthorizeError("access_denied", "The user denied the request."))));
    }

    /** The form-action source a page needs so its form may lead to this request's redirect URI; null if invalid. */
    public Uni<String> formTarget(AuthorizationRequest r) {
        if (RequestChecks.clientIdProblem(r) != null) {
            return Uni.createFrom().nullItem();
        }
        return clients.find(r.clientId())
                .map(client -> RequestChecks.clientProblem(r, client) == null
                        ? RedirectUris.formActionSource(r.redirectUri()) : null);
    }

    private interface Next {
        Uni<Step> run(AuthorizationRequest request, ClientInfo client);
    }

    private Uni<Step> validated(AuthorizationRequest r, Session session, Next next) {
        String noClient = RequestChecks.clientIdProblem(r);
        if (noClient != null) {
            return Uni.createFrom().item(new ErrorPage(noClient));
        }
        return clients.find(r.clientId()).flatMap(client -> {
            String problem = RequestChecks.clientProblem(r, client);
            if (problem != null) {
                return Uni.createFrom().item(new ErrorPage(problem));
            }
            // RFC 9700 §4.11.2: the user is signed in before any redirect to the client
            if (session == null) {
                return Uni.createFrom().item(new SignIn(r.authorizePath()));
            }
            AuthorizeError error = RequestChecks.requestProblem(r, client);
            if (error != null) {
                return Uni.createFrom().item(redirect(r, error));
            }
            AuthorizationRequest effective = r.withScope(RequestChecks.effectiveScope(r, client));
            if (!OperatorRole.asksForAdmin(effective.scope())) {
                return next.run(effective, client);
            }
            return users.findActiveById(session.userId())
                    .flatMap(user -> OperatorRole.mayBeGranted(user, effective.scope())
                            ? next.run(effective, client)
                            // RFC 6749 §4.1.2.1: invalid_scope, sent back with state and iss; only operators hold admin
                            : Uni.createFrom().item(redirect(effective, NOT_AN_OPERATOR)));
        });
    }

    private Uni<Step> issue(Session session, AuthorizationRequest request, Origin origin) {
        return grants.authorize(session.userId(), request.clientId(), request.scope(), Grant.VIA_WEB, origin)
                .flatMap(grant -> codes.issue(request, session.userId(), grant.id))
                .map(result -> result.code() != null
                        // RFC 6749 §4.1.2 and RFC 9207 §2: code, state and iss
                        ? new Redirect(ClientRedirect.code(request, result.code(), issuer))
                        : redirect(request, result.error()));
    }

    private Redirect redirect(AuthorizationRequest r, AuthorizeError error) {
        return new Redirect(ClientRedirect.error(r, error, issuer));
    }
}
