package io.latchkey.consent.web;

import java.util.UUID;
import java.util.function.Function;

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
import org.jboss.resteasy.reactive.RestQuery;
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
 * "Authorized apps" in the account settings: the apps holding a grant from the signed-in user with their sessions;
 * revoking one session, one app (through a confirmation page) or all apps (through one confirmation page), each a
 * CSRF-protected POST answered by a 303 to the list with a notice (post/redirect/get: a reload never re-posts).
 * Plain HTML forms: works without JavaScript.
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
    public Uni<Response> list(@RestCookie(Sessions.COOKIE) String sessionId, @RestQuery String notice) {
        return sessions.find(sessionId)
                .flatMap(session -> session == null
                        ? toLogin(HERE)
                        : apps.list(session.userId())
                                .map(found -> Pages.ok(AccountTemplates.authorizedApps(session.csrf(),
                                        found.stream().map(AppView::of).toList(), AppsNotice.of(notice)))));
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
                    // an app already disconnected (another tab, a reload of an old page) is a notice, not an error
                    return apps.find(session.userId(), id)
                            .map(app -> app == null ? Pages.seeOther(AppsNotice.GONE.location())
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
        return signedInWithCsrf(sessionId, csrf, session -> id == null
                ? Uni.createFrom().item(notFound())
                : apps.revoke(session.userId(), id, new Origin(callerAddress.of(request), userAgent))
                        .map(outcome -> afterRevoke(outcome, AppsNotice.APP_REVOKED)));
    }

    @POST
    @Path("{grantId}/sessions/{sessionId}/revoke")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Uni<Response> revokeSession(@RestPath String grantId, @RestPath("sessionId") String familyId, byte[] body,
                                       @RestHeader(HttpHeaders.CONTENT_TYPE) String contentType,
                                       @RestCookie(Sessions.COOKIE) String sessionId,
                                       @RestHeader("User-Agent") String userAgent, @Context HttpServerRequest request) {
        String csrf = Form.body(contentType, body).optional(Csrf.FIELD);
        UUID grant = uuid(grantId);
        UUID family = uuid(familyId);
        return signedInWithCsrf(sessionId, csrf, session -> grant == null || family == null
                ? Uni.createFrom().item(notFound())
                : apps.revokeSession(session.userId(), grant, family, new Origin(callerAddress.of(request), userAgent))
                        .map(outcome -> afterRevoke(outcome, AppsNotice.SESSION_REVOKED)));
    }

    @GET
    @Path("revoke-all")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Uni<Response> confirmAll(@RestCookie(Sessions.COOKIE) String sessionId) {
        return sessions.find(sessionId)
                .flatMap(session -> session == null
                        ? toLogin(HERE + "/revoke-all")
                        : apps.list(session.userId())
                                .map(found -> found.isEmpty() ? Pages.seeOther(AppsNotice.GONE.location())
                                        : Pages.ok(AccountTemplates.revokeAllConfirm(session.csrf(),
                                                found.stream().map(AppView::of).toList()))));
    }

    @POST
    @Path("revoke-all")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Uni<Response> revokeAll(byte[] body, @RestHeader(HttpHeaders.CONTENT_TYPE) String contentType,
                                   @RestCookie(Sessions.COOKIE) String sessionId,
                                   @RestHeader("User-Agent") String userAgent, @Context HttpServerRequest request) {
        String csrf = Form.body(contentType, body).optional(Csrf.FIELD);
        return signedInWithCsrf(sessionId, csrf, session -> apps.revokeAll(session.userId(),
                        new Origin(callerAddress.of(request), userAgent))
                .map(revoked -> Pages.seeOther((revoked > 0 ? AppsNotice.ALL_REVOKED : AppsNotice.GONE).location())));
    }

    /** A form post: signed in (else to sign-in), with the session's CSRF token (else 403), then the action. */
    private Uni<Response> signedInWithCsrf(String sessionId, String csrf, Function<Session, Uni<Response>> action) {
        return sessions.find(sessionId)
                .flatMap(session -> {
                    if (session == null) {
                        return toLogin(HERE);
                    }
                    if (!Csrf.validForSession(session, csrf)) {
                        return Uni.createFrom().item(Pages.forbidden());
                    }
                    return action.apply(session);
                });
    }

    /** Post/redirect/get: 303 to the list with what happened; something already gone is a notice, not an error. */
    private static Response afterRevoke(AuthorizedApps.Outcome outcome, AppsNotice done) {
        return Pages.seeOther((outcome == AuthorizedApps.Outcome.REVOKED ? done : AppsNotice.GONE).location());
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
