package io.latchkey.consent.web;

import io.latchkey.consent.audit.Origin;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestCookie;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.latchkey.common.trust.CallerAddress;
import io.latchkey.common.Form;
import io.latchkey.common.error.OAuthException;
import io.latchkey.consent.authorize.Authorization;
import io.latchkey.consent.authorize.AuthorizationRequest;
import io.latchkey.consent.login.Authenticator;
import io.latchkey.consent.login.Csrf;
import io.latchkey.consent.login.LoginThrottle;
import io.latchkey.consent.login.PasswordChecks;
import io.latchkey.consent.login.SignInMetrics;
import io.latchkey.consent.login.SignInAudit;
import io.latchkey.consent.login.Sessions;
import io.latchkey.consent.user.User;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

/** Sign-in and sign-out pages. */
@Path("/")
public class LoginResource {

    /** Never says whether the email address or the password was wrong. */
    static final String BAD_CREDENTIALS = "The email address or password is incorrect.";
    private static final String AUTHORIZE_PREFIX = "/oauth/authorize?";
    private static final String USERNAME = "username";
    private static final String PASSWORD = "password";
    private static final String RETURN_TO = "return_to";
    private static final String LOGIN_HINT = io.latchkey.common.OAuthParams.LOGIN_HINT;
    private static final int MAX_LOGIN_HINT = 320;

    /** The client address: the gateway's X-Latchkey-Client-IP next to its identity proof, else the peer. */
    @Inject
    CallerAddress callerAddress;

    private final Authenticator authenticator;
    private final Sessions sessions;
    private final LoginThrottle throttle;
    private final Cookies cookies;
    private final Authorization authorization;

    public LoginResource(Authenticator authenticator, Sessions sessions, LoginThrottle throttle, Cookies cookies,
                         Authorization authorization) {
        this.authenticator = authenticator;
        this.sessions = sessions;
        this.throttle = throttle;
        this.cookies = cookies;
        this.authorization = authorization;
    }

    @GET
    @Path("login")
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> form(@Context HttpServerRequest request, @RestCookie(Csrf.COOKIE) String csrfCookie) {
        Form query = Form.query(request.query());
        String returnTo = query.optional(RETURN_TO);
        // OIDC Core §3.1.2.1: login_hint (an email address) pre-fills the username; an over-long one is dropped
        String loginHint = query.optional(LOGIN_HINT);
        String username = loginHint != null && loginHint.length() <= MAX_LOGIN_HINT ? loginHint : null;
        String csrf = Csrf.preSessionToken(csrfCookie);
        String target = ReturnTo.safe(returnTo);
        return Uni.combine().all().unis(formTarget(target), signingInFor(target)).asTuple()
                .map(t -> Pages.withFormTarget(Pages.ok(Templates.login(csrf, target, username, null, t.getItem2(),
                        forDevice(target)), cookies.csrf(csrf)), t.getItem1()));
    }

    /** The directory of clients, to name the app a sign-in is for. */
    @jakarta.inject.Inject
    io.latchkey.consent.client.ClientDirectory clients;

    /**
     * The registered app an authorization request's sign-in is for, or null (no request, an unknown client, or
     * token-service unreachable: the page still shows, without the name).
     */
    private Uni<io.latchkey.common.contract.ClientInfo> signingInFor(String target) {
        String clientId = SignInAudit.clientOf(target);
        if (clientId == null) {
            return Uni.createFrom().nullItem();
        }
        return clients.find(clientId)
                .map(c -> c.clientType() == null ? null : c)
                .onFailure().recoverWithNull();
    }

    /**
     * A sign-in on the way to /device (the device flow). The device is not named here: this page needs no session,
     * and naming the device of a user code would let anyone test codes without the RFC 8628 §5.1 attempt limits;
     * the confirmation page, after sign-in, names it.
     */
    private static boolean forDevice(String target) {
        return target.equals("/device") || target.startsWith("/device?");
    }

    /** The user's own activity log: sign-ins and failed sign-ins (/account/activity). */
    @jakarta.inject.Inject
    io.latchkey.consent.login.SignInAudit signInAudit;

    /** Counts and logs each sign-in outcome (README, "Metrics" and "Logs"). */
    @jakarta.inject.Inject
    io.latchkey.consent.login.SignInMetrics signIns;

    @POST
    @Path("login")
    // no @Consumes: Form.body checks the Content-Type, so a wrong one gets an error page, not JSON
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> signIn(byte[] body, @RestHeader(HttpHeaders.CONTENT_TYPE) String contentType,
                                @RestCookie(Csrf.COOKIE) String csrfCookie,
                                @RestCookie(Sessions.COOKIE) String oldSessionId,
                                @RestHeader("User-Agent") String userAgent,
                                @Context HttpServerRequest request) {
        Form form = Form.body(contentType, body);
        String username = form.optional(USERNAME);
        String password = form.optional(PASSWORD);
        String csrf = form.optional(Csrf.FIELD);
        String returnTo = form.optional(RETURN_TO);
        if (!Csrf.validPreSession(csrfCookie, csrf)) {
            return Uni.createFrom().item(Pages.forbidden());
        }
        String ip = callerAddress.of(request);
        String target = ReturnTo.safe(returnTo);
        String name = username == null ? "" : username.trim();
        // counted before the password is checked, so concurrent guesses are counted too
        return throttle.admit(name, ip)
                .flatMap(admission -> admission.counted()
                        ? checkPassword(name, password, new Origin(ip, userAgent), csrfCookie, oldSessionId, target)
                        : Uni.createFrom().item(SignInPages.tooManyAttempts(admission))
                                .invoke(() -> signIns.refused(SignInMetrics.Outcome.THROTTLED, name, ip)));
    }

    @POST
    @Path("logout")
    // no @Consumes: Form.body checks the Content-Type, so a wrong one gets an error page, not JSON
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> signOut(byte[] body, @RestHeader(HttpHeaders.CONTENT_TYPE) String contentType,
                                 @RestCookie(Sessions.COOKIE) String sessionId) {
        String csrf = Form.body(contentType, body).optional(Csrf.FIELD);
        return sessions.find(sessionId)
                .flatMap(session -> {
                    if (session == null) {
                        return Uni.createFrom().item(Pages.seeOther("/", cookies.clearSession()));
                    }
                    if (!Csrf.validForSession(session, csrf)) {
                        return Uni.createFrom().item(Pages.forbidden());
                    }
                    return sessions.close(sessionId)
                            .map(ignored -> Pages.seeOther("/", cookies.clearSession()));
                });
    }

    private Uni<Response> checkPassword(String name, String password, Origin origin, String csrfCookie,
                                        String oldSessionId, String target) {
        String ip = origin.ip();
        return authenticator.authenticate(name, password)
                .flatMap(user -> user == null
                        ? signInAudit.failed(name, origin, SignInAudit.clientOf(target))
                                .flatMap(ignored -> rejected(name, csrfCookie, target))
                                .invoke(() -> signIns.failed(name, ip))
                        : signedIn(user, name, origin, oldSessionId, target)
                                .invoke(() -> signIns.succeeded(user.id, ip)))
                .onFailure(PasswordChecks.Busy.class).recoverWithUni(() -> throttle.notChecked(name, ip)
                        .invoke(() -> signIns.refused(SignInMetrics.Outcome.BUSY, name, ip))
                        .map(ignored -> SignInPages.busy()));
    }

    private Uni<Response> rejected(String username, String csrf, String target) {
        // the failure was counted by LoginThrottle.admit before the check
        return Uni.combine().all().unis(formTarget(target), signingInFor(target)).asTuple()
                .map(t -> Pages.withFormTarget(Pages.html(401, Templates.login(csrf, target, username,
                        BAD_CREDENTIALS, t.getItem2(), forDevice(target))), t.getItem1()));
    }

    private Uni<Response> signedIn(User user, String username, Origin origin, String oldSessionId, String target) {
        return throttle.succeeded(username, origin.ip())
                // no session fixation: drop any previous session, always issue a new id
                .flatMap(ignored -> sessions.close(oldSessionId))
                .flatMap(ignored -> sessions.open(user, origin))
                .call(opened -> signInAudit.succeeded(user, origin, SignInAudit.clientOf(target)))
                // RFC 9700 §4.12: 303 after a POST carrying credentials
                .map(opened -> Pages.seeOther(target, cookies.session(opened.id(), sessions.ttl())));
    }

    /**
     * After sign-in an authorization request may redirect straight on to the client (remembered consent, or an
     * error): the login form's policy must allow that redirect URI, once it is verified for the client.
     */
    private Uni<String> formTarget(String returnTo) {
        if (!returnTo.startsWith(AUTHORIZE_PREFIX)) {
            return Uni.createFrom().nullItem();
        }
        Form query;
        try {
            query = Form.query(returnTo.substring(AUTHORIZE_PREFIX.length()));
        } catch (OAuthException malformed) {
            return Uni.createFrom().nullItem(); // the authorize endpoint will say so when the browser gets there
        }
        return authorization.formTarget(AuthorizationRequest.of(query::all))
                // the page must show even when token-service cannot be asked; the form then targets us only
                .onFailure().recoverWithNull();
    }

    @ServerExceptionMapper
    public Response failure(Throwable t) {
        return PageFailures.toPage(t);
    }
}
