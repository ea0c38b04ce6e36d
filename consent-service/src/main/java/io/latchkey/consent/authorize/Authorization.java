package io.latchkey.consent.authorize;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

import io.latchkey.common.error.OAuthException;
import io.latchkey.common.error.OAuthExceptionMapper;
import io.latchkey.common.error.OAuthError;
import io.latchkey.consent.audit.Origin;
import io.latchkey.consent.client.ClientDirectory;
import io.latchkey.common.contract.ClientInfo;
import io.latchkey.consent.config.ConsentServiceConfig;
import io.latchkey.consent.grant.Grant;
import io.latchkey.consent.grant.Grants;
import io.latchkey.consent.login.Session;
import io.latchkey.consent.login.OidcIdentity;
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

    /** Not signed in, or must sign in again: sign in first (as {@code loginHint}, may be null), then come back. */
    public record SignIn(String returnTo, String loginHint) implements Step {
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

    private static final OAuthException NOT_AN_OPERATOR = OAuthError.INVALID_SCOPE.with("The scope admin can be granted only to Latchkey operators.");

    private final ClientDirectory clients;
    private final UserRepository users;
    private final Grants grants;
    private final AuthorizationCodes codes;
    private final String issuer;

    public Authorization(ClientDirectory clients, UserRepository users, Grants grants, AuthorizationCodes codes,
                         ConsentServiceConfig config) {
        this.clients = clients;
        this.users = users;
        this.grants = grants;
        this.codes = codes;
        this.issuer = config.issuer();
    }

    /** {@code GET /oauth/authorize}; {@code session} is null when the browser is not signed in. */
    public Uni<Step> start(AuthorizationRequest r, Session session, Origin origin) {
        return checked(r, session, (client, prompt) -> {
            // OIDC Core §3.1.2.1: a sign-in is needed without a session, on prompt=login, or past max_age
            if (session == null || prompt.needsSignIn(session.createdAt(), Instant.now())) {
                // OIDC Core §3.1.2.6: prompt=none never shows a page; the client learns it must interact
                return Uni.createFrom().item(prompt.none()
                        ? promptNone(r, client, OAuthError.LOGIN_REQUIRED.with("The user is not signed in, or must sign in again."))
                        : new SignIn(r.afterSignInPath(), r.loginHint()));
            }
            return validated(r, session, (request, c) -> grants.active(session.userId(), c.clientId())
                    .map(active -> RememberedConsent.of(c, active, request.scope()))
                    .flatMap(outcome -> {
                        // OIDC Core §3.1.2.1: prompt=consent asks even when consent is remembered
                        if (outcome == RememberedConsent.Outcome.SKIP_PAGE && !prompt.consent()) {
                            // RFC 6749 §10.2: remembered only for a verifiable client, for the same or fewer scopes
                            return issue(session, request, origin);
                        }
                        // OIDC Core §3.1.2.6: consent would have to be shown, and prompt=none forbids it
                        if (prompt.none()) {
                            return Uni.createFrom().item(redirect(request,
                                    OAuthError.CONSENT_REQUIRED.with("The user must approve this request.")));
                        }
                        return Uni.createFrom().item(new Consent(request, c,
                                outcome == RememberedConsent.Outcome.ASK_AGAIN));
                    }));
        });
    }

    private interface Checked {
        Uni<Step> run(ClientInfo client, Prompt prompt);
    }

    /** The client and redirect URI (else an error page), then prompt, max_age, login_hint and nonce. */
    private Uni<Step> checked(AuthorizationRequest r, Session session, Checked next) {
        return withClient(r, client -> {
            Prompt.Parsed parsed = Prompt.of(r);
            if (parsed instanceof Prompt.Invalid invalid) {
                // RFC 9700 §4.11.2: the user is signed in before an error goes back to the client
                return Uni.createFrom().item(session == null
                        ? new SignIn(r.authorizePath(), null) : redirect(r, invalid.error()));
            }
            return next.run(client, ((Prompt.Valid) parsed).prompt());
        });
    }

    /**
     * OIDC Core §3.1.2.6: with prompt=none and no usable session the client gets an error at once. A request that is
     * invalid anyway gets that error instead; the redirect URI has been verified for the client.
     */
    private Step promptNone(AuthorizationRequest r, ClientInfo client, OAuthException error) {
        OAuthException invalid = RequestChecks.requestProblem(r, client);
        return redirect(r, invalid != null ? invalid : error);
    }

    /** {@code POST /consent}: the user's Allow or Deny, for a request validated again from scratch. */
    public Uni<Step> decide(AuthorizationRequest r, Session session, Origin origin, boolean allow) {
        return validated(r, session, (request, client) -> allow
                ? issue(session, request, origin)
                : grants.deny(session.userId(), request.clientId(), request.scope(), origin)
                        // RFC 6749 §4.1.2.1: the user said no
                        .replaceWith(redirect(request, OAuthError.ACCESS_DENIED.with("The user denied the request."))));
    }

    /** The form-action source a page needs so its form may lead to this request's redirect URI; null if invalid. */
    public Uni<String> formTarget(AuthorizationRequest r) {
        if (RequestChecks.clientIdProblem(r) != null) {
            return Uni.createFrom().nullItem();
        }
        return clients.find(r.clientId())
                .map(client -> RequestChecks.clientProblem(r, client) == null
                        ? FormActionSource.of(r.redirectUri()) : null);
    }

    private interface Next {
        Uni<Step> run(AuthorizationRequest request, ClientInfo client);
    }

    private interface WithClient {
        Uni<Step> run(ClientInfo client);
    }

    /** RFC 9700 §4.1.3: an unknown client or unregistered redirect URI is an error page, never a redirect. */
    private Uni<Step> withClient(AuthorizationRequest r, WithClient next) {
        String noClient = RequestChecks.clientIdProblem(r);
        if (noClient != null) {
            return Uni.createFrom().item(new ErrorPage(noClient));
        }
        return clients.find(r.clientId()).flatMap(client -> {
            String problem = RequestChecks.clientProblem(r, client);
            return problem != null ? Uni.createFrom().item(new ErrorPage(problem)) : next.run(client);
        });
    }

    private Uni<Step> validated(AuthorizationRequest r, Session session, Next next) {
        return withClient(r, client -> {
            // RFC 9700 §4.11.2: the user is signed in before any redirect to the client
            if (session == null) {
                return Uni.createFrom().item(new SignIn(r.afterSignInPath(), r.loginHint()));
            }
            OAuthException error = RequestChecks.requestProblem(r, client);
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
                .flatMap(grant -> codes.issue(request, session.userId(), grant.id,
                        // OIDC Core §2: the ID Token tells who signed in, when, and echoes the nonce
                        request.isOpenId() ? OidcIdentity.ofSession(session, request.nonce()) : null, origin))
                .map(result -> result.code() != null
                        // RFC 6749 §4.1.2 and RFC 9207 §2: code, state and iss
                        ? new Redirect(ClientRedirect.code(request, result.code(), issuer))
                        : redirect(request, result.error()));
    }

    private Redirect redirect(AuthorizationRequest r, OAuthException error) {
        OAuthExceptionMapper.logDetail(error); // what only the log sees: never in the redirect
        return new Redirect(ClientRedirect.error(r, error, issuer));
    }
}
