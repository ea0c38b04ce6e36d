package io.latchkey.consent.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestCookie;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.latchkey.common.trust.CallerAddress;
import io.latchkey.common.Form;
import io.latchkey.consent.audit.Origin;
import io.latchkey.consent.authorize.Authorization;
import io.latchkey.consent.authorize.AuthorizationRequest;
import io.latchkey.consent.login.Sessions;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

/** RFC 6749 §3.1 authorization endpoint: {@code response_type=code} only (RFC 9700 §2.1.2). */
@Path("/oauth/authorize")
public class AuthorizeResource {

    /** The client address: the gateway's X-Latchkey-Client-IP next to its identity proof, else the peer. */
    @Inject
    CallerAddress callerAddress;

    private final Sessions sessions;
    private final Authorization authorization;

    public AuthorizeResource(Sessions sessions, Authorization authorization) {
        this.sessions = sessions;
        this.authorization = authorization;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> authorize(@RestCookie(Sessions.COOKIE) String sessionId,
                                   @RestHeader("User-Agent") String userAgent, @Context HttpServerRequest request) {
        // the one strict reader: bad encoding, NUL, over-long values (state over 512) → error page, never a redirect
        AuthorizationRequest r = AuthorizationRequest.of(Form.query(request.query())::all);
        Origin origin = new Origin(callerAddress.of(request), userAgent);
        return sessions.find(sessionId)
                .flatMap(session -> authorization.start(r, session, origin)
                        .map(step -> AuthorizationPages.of(step, session)));
    }

    @ServerExceptionMapper
    public Response failure(Throwable t) {
        return PageFailures.toPage(t);
    }
}
