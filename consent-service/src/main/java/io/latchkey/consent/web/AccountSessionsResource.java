package io.latchkey.consent.web;

import jakarta.inject.Inject;
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
import io.latchkey.common.trust.CallerAddress;
import io.latchkey.consent.audit.AuditEvent;
import io.latchkey.consent.audit.AuditLog;
import io.latchkey.consent.audit.Origin;
import io.latchkey.consent.login.Csrf;
import io.latchkey.consent.login.Session;
import io.latchkey.consent.login.Sessions;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

/**
 * {@code /account/sessions}: the user's signed-in browsers (when, from which IP, which browser), this one marked, and
 * "Sign out everywhere else" (POST with the session's CSRF token, then 303 back here: a reload never re-posts).
 */
@Path("/account/sessions")
public class AccountSessionsResource {

    static final String SIGNED_OUT = "signed-out";

    /** The client address: the gateway's X-Latchkey-Client-IP next to its identity proof, else the peer. */
    @Inject
    CallerAddress callerAddress;

    private final Sessions sessions;
    private final AuditLog audit;

    public AccountSessionsResource(Sessions sessions, AuditLog audit) {
        this.sessions = sessions;
        this.audit = audit;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> list(@Context HttpServerRequest request, @RestCookie(Sessions.COOKIE) String sessionId) {
        String done = Form.query(request.query()).optional("done");
        return sessions.find(sessionId).flatMap(session -> session == null
                ? Uni.createFrom().item(Pages.seeOther("/login?return_to=%2Faccount%2Fsessions"))
                : sessions.listOf(session.userId()).map(all -> Pages.ok(AccountPagesTemplates.sessions(session.csrf(),
                        all.stream().map(s -> view(s, session)).toList(),
                        SIGNED_OUT.equals(done) ? "Every other browser is signed out." : null))));
    }

    @POST
    @Path("sign-out-others")
    // no @Consumes: Form.body checks the Content-Type, so a wrong one gets an error page, not JSON
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> signOutOthers(byte[] body, @RestHeader(HttpHeaders.CONTENT_TYPE) String contentType,
                                       @RestCookie(Sessions.COOKIE) String sessionId,
                                       @RestHeader("User-Agent") String userAgent,
                                       @Context HttpServerRequest request) {
        String csrf = Form.body(contentType, body).optional(Csrf.FIELD);
        return sessions.find(sessionId).flatMap(session -> {
            if (session == null) {
                return Uni.createFrom().item(Pages.seeOther("/login?return_to=%2Faccount%2Fsessions"));
            }
            if (!Csrf.validForSession(session, csrf)) {
                return Uni.createFrom().item(Pages.forbidden());
            }
            Origin origin = new Origin(callerAddress.of(request), userAgent);
            return sessions.closeOthers(session)
                    .call(ended -> audit.record(AuditEvent.of(AuditEvent.SESSIONS_SIGN_OUT_OTHERS, session.userId(),
                            null, null, null, origin)))
                    // post/redirect/get
                    .map(ended -> Pages.seeOther("/account/sessions?done=" + SIGNED_OUT));
        });
    }

    private static AccountPagesTemplates.SessionView view(Session s, Session current) {
        return new AccountPagesTemplates.SessionView(s.key().equals(current.key()),
                s.userAgent() == null ? DeviceNames.UNKNOWN : DeviceNames.of(s.userAgent(), null), s.ip(),
                Times.of(s.createdAt()));
    }

    @ServerExceptionMapper
    public Response failure(Throwable t) {
        return PageFailures.toPage(t);
    }
}
