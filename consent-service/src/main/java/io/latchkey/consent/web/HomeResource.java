package io.latchkey.consent.web;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestCookie;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.latchkey.consent.login.Sessions;
import io.smallrye.mutiny.Uni;

/** {@code GET /}: who is signed in, and where to go from here. */
@Path("/")
public class HomeResource {

    private final Sessions sessions;

    public HomeResource(Sessions sessions) {
        this.sessions = sessions;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> home(@RestCookie(Sessions.COOKIE) String sessionId) {
        return sessions.find(sessionId)
                .map(session -> Pages.ok(Templates.home(session)));
    }

    @ServerExceptionMapper
    public Response failure(Throwable t) {
        return PageFailures.toPage(t);
    }
}
