package io.latchkey.consent.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestCookie;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.latchkey.common.trust.CallerAddress;
import io.latchkey.common.Form;
import io.latchkey.consent.audit.Origin;
import io.latchkey.common.error.OAuthError;
import io.latchkey.consent.authorize.Authorization;
import io.latchkey.consent.authorize.AuthorizationRequest;
import io.latchkey.consent.login.Csrf;
import io.latchkey.consent.login.Sessions;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

/** The Allow / Deny decision of the consent page; the request travels in the form and is validated again. */
@Path("/consent")
public class ConsentResource {

    /** The client address: the gateway's X-Latchkey-Client-IP next to its identity proof, else the peer. */
    @Inject
    CallerAddress callerAddress;

    private final Sessions sessions;
    private final Authorization authorization;

    public ConsentResource(Sessions sessions, Authorization authorization) {
        this.sessions = sessions;
        this.authorization = authorization;
    }

    @POST
    // no @Consumes: Form.body checks the Content-Type, so a wrong one gets an error page, not JSON
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> decide(byte[] body, @RestHeader(HttpHeaders.CONTENT_TYPE) String contentType,
                                @RestCookie(Sessions.COOKIE) String sessionId,
                                @RestHeader("User-Agent") String userAgent, @Context HttpServerRequest request) {
        Form form = Form.body(contentType, body);
        String decision = form.optional("decision");
        String csrf = form.optional(Csrf.FIELD);
        if (!"allow".equals(decision) && !"deny".equals(decision)) {
            return Uni.createFrom().item(PageFailures.page(OAuthError.INVALID_REQUEST.with("Choose Allow or Deny.")
                    .withLogDetail(decision == null ? "consent form without a decision" : "unknown decision")));
        }
        AuthorizationRequest r = AuthorizationRequest.of(form::all);
        Origin origin = new Origin(callerAddress.of(request), userAgent);
        return sessions.find(sessionId)
                .flatMap(session -> {
                    if (session != null && !Csrf.validForSession(session, csrf)) {
                        return Uni.createFrom().item(Pages.forbidden());
                    }
                    // signed out meanwhile: validate, sign in, and ask again (a decision needs a session)
                    return (session == null
                            ? authorization.start(r, null, origin)
                            : authorization.decide(r, session, origin, "allow".equals(decision)))
                            .map(step -> AuthorizationPages.of(step, session));
                });
    }

    @ServerExceptionMapper
    public Response failure(Throwable t) {
        return PageFailures.toPage(t);
    }
}
