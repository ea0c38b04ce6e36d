package io.latchkey.consent.web;

import java.util.UUID;

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

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestCookie;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.latchkey.common.trust.CallerAddress;
import io.latchkey.common.Form;
import io.latchkey.consent.audit.Origin;
import io.latchkey.consent.grant.AuthorizedApps;
import io.latchkey.consent.login.Csrf;
import io.latchkey.consent.login.Session;
import io.latchkey.consent.login.Sessions;
import io.latchkey.consent.web.AccountTemplates.AppView;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

/**
 * "Authorized apps" in the account settings: the apps holding a grant from the signed-in user, and revoking one
 * through a confirmation page and a CSRF-protected POST. Plain HTML forms: works without JavaScript.
 */
@Path("/account/authorized-apps")
public class AuthorizedAppsResource {

    static final String HERE = "/account/authorized-apps";

    /** The client address: the gateway's X-Latchkey-Client-IP next to its identity proof, else the peer. */
    @Inject
    CallerAddress callerAddress;

    private final Sessions sessions;
    private final AuthorizedApps apps;

    public AuthorizedAppsResource(Sessions sessions, AuthorizedApps apps) {
        this.sessions = sessions;
        this.apps = apps;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Uni<Response> list(@RestCookie(Sessions.COOKIE) String sessionId) {
        return sessions.find(sessionId)
                .flatMap(session -> session == null
                        ? toLogin(HERE)
                        : apps.list(session.userId())
                                .map(found -> Pages.ok(AccountTemplates.authorizedApps(session.csrf(),
                                        found.stream().map(AppView::of).toList()))));
    }

    @GET
    @Path("{grantId}/revoke")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Uni<Response> confirm(@RestPath String grantId, @RestCookie(Sessions.COOKIE) String sessionId) {
        UUID id = uuid(grantId);
        return sessions.find(sessionId)
                .flatMap(session -> {
                    if (session == null) {
                        return toLogin(HERE + "/" + grantId + "/revoke");
                    }
                    if (id == null) {
                        return Uni.createFrom().item(notFound());
                    }
                    return apps.find(session.userId(), id)
                            .map(app -> app == null ? notFound()
                                    : Pages.ok(AccountTemplates.revokeConfirm(session.csrf(), AppView.of(app))));
                });
    }

    @POST
    @Path("{grantId}/revoke")
    // no @Consumes: Form.body checks the Content-Type, so a wrong one gets an error page, not JSON
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Uni<Response> revoke(@RestPath String grantId, byte[] body,
                                @RestHeader(HttpHeaders.CONTENT_TYPE) String contentType,
                                @RestCookie(Sessions.COOKIE) String sessionId,
                                @RestHeader("User-Agent") String userAgent, @Context HttpServerRequest request) {
        String csrf = Form.body(contentType, body).optional(Csrf.FIELD);
        UUID id = uuid(grantId);
        return sessions.find(sessionId)
                .flatMap(session -> {
                    if (session == null) {
                        return toLogin(HERE);
                    }
                    if (!Csrf.validForSession(session, csrf)) {
                        return Uni.createFrom().item(Pages.forbidden());
                    }
                    if (id == null) {
                        return Uni.createFrom().item(notFound());
                    }
                    return revoke(session, id, new Origin(callerAddress.of(request), userAgent));
                });
    }

    private Uni<Response> revoke(Session session, UUID grantId, Origin origin) {
        return apps.find(session.userId(), grantId)
                .flatMap(app -> app == null
                        ? Uni.createFrom().item(notFound())
                        : apps.revoke(session.userId(), grantId, origin)
                                .map(outcome -> outcome == AuthorizedApps.Outcome.REVOKED
                                        ? Pages.html(200, Templates.message("Access revoked",
                                                app.client().displayName() + " can no longer access your account.",
                                                HERE, "Back to authorized apps"))
                                        : notFound()));
    }

    static UUID uuid(String value) {
        try {
            return value == null ? null : UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Response notFound() {
        return Pages.html(404, Templates.message("App not found",
                "This app is not authorized on your account (perhaps it was already revoked).", HERE,
                "Back to authorized apps"));
    }

    static Uni<Response> toLogin(String here) {
        return Uni.createFrom().item(Pages.seeOther("/login?return_to=" + java.net.URLEncoder.encode(here,
                java.nio.charset.StandardCharsets.UTF_8)));
    }

    @ServerExceptionMapper
    public Response failure(Throwable t) {
        return PageFailures.toPage(t);
    }
}
