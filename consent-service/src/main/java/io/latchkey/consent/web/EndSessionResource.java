package io.latchkey.consent.web;

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

import io.latchkey.common.Form;
import io.latchkey.common.OAuthParams;
import io.latchkey.consent.authorize.FormActionSource;
import io.latchkey.consent.login.Csrf;
import io.latchkey.consent.login.EndSession;
import io.latchkey.consent.login.Session;
import io.latchkey.consent.login.Sessions;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

/**
 * OpenID Connect RP-Initiated Logout 1.0 §2: the end-session endpoint, GET (query) or POST (form), and the
 * confirmation a user gives when the request could come from anyone.
 */
@Path("/oauth/logout")
public class EndSessionResource {

    private final EndSession endSession;
    private final Sessions sessions;
    private final Cookies cookies;

    public EndSessionResource(EndSession endSession, Sessions sessions, Cookies cookies) {
        this.endSession = endSession;
        this.sessions = sessions;
        this.cookies = cookies;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> get(@RestCookie(Sessions.COOKIE) String sessionId, @Context HttpServerRequest request) {
        return logout(Form.query(request.query()), sessionId);
    }

    /** RP-Initiated Logout §2: the OP MUST support GET and POST (form serialization). */
    @POST
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> post(byte[] body, @RestHeader(HttpHeaders.CONTENT_TYPE) String contentType,
                              @RestCookie(Sessions.COOKIE) String sessionId) {
        return logout(Form.body(contentType, body), sessionId);
    }

    @POST
    @Path("/confirm")
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> confirm(byte[] body, @RestHeader(HttpHeaders.CONTENT_TYPE) String contentType,
                                 @RestCookie(Sessions.COOKIE) String sessionId) {
        Form form = Form.body(contentType, body);
        EndSession.Request r = request(form);
        String csrf = form.optional(Csrf.FIELD);
        return sessions.find(sessionId).flatMap(session -> {
            if (session != null && !Csrf.validForSession(session, csrf)) {
                return Uni.createFrom().item(Pages.forbidden());
            }
            return endSession.confirmed(r, session, sessionId).map(outcome -> page(outcome, session));
        });
    }

    private Uni<Response> logout(Form form, String sessionId) {
        EndSession.Request r = request(form);
        return sessions.find(sessionId)
                .flatMap(session -> endSession.request(r, session, sessionId).map(outcome -> page(outcome, session)));
    }

    private static EndSession.Request request(Form form) {
        // the strict reader: repeated, mis-encoded or over-long values are a 400 error page
        return new EndSession.Request(form.optional(OAuthParams.ID_TOKEN_HINT), form.optional(OAuthParams.CLIENT_ID),
                form.optional(OAuthParams.POST_LOGOUT_REDIRECT_URI), form.optional(OAuthParams.STATE));
    }

    private Response page(EndSession.Outcome outcome, Session session) {
        if (outcome instanceof EndSession.Invalid invalid) {
            // RP-Initiated Logout §3: never a redirect to an unregistered URI
            return Pages.message(400, "This sign-out cannot continue", invalid.message());
        }
        if (outcome instanceof EndSession.Confirm c) {
            Response page = Pages.ok(Templates.logoutConfirm(session.csrf(), c.client(), c.request()));
            return c.request().postLogoutRedirectUri() == null ? page
                    : Pages.withFormTarget(page, FormActionSource.of(c.request().postLogoutRedirectUri()));
        }
        String location = ((EndSession.SignedOut) outcome).location();
        return location == null
                ? Pages.html(200, Templates.message("Signed out", "You are signed out of Latchkey.", "/", "Back to Latchkey"),
                        cookies.clearSession())
                // RFC 9700 §4.12: 303 See Other
                : Pages.seeOther(location, cookies.clearSession());
    }

    @ServerExceptionMapper
    public Response failure(Throwable t) {
        return PageFailures.toPage(t);
    }
}
