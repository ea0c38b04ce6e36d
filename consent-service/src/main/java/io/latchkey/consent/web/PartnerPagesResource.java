package io.latchkey.consent.web;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import jakarta.inject.Inject;
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

import io.latchkey.common.Form;
import io.latchkey.common.error.OAuthError;
import io.latchkey.common.error.OAuthException;
import io.latchkey.common.trust.CallerAddress;
import io.latchkey.consent.grant.ScopeCatalogue;
import io.latchkey.consent.login.Csrf;
import io.latchkey.consent.login.Session;
import io.latchkey.consent.login.Sessions;
import io.latchkey.consent.partner.AppType;
import io.latchkey.consent.partner.PartnerApplication;
import io.latchkey.consent.partner.PartnerForm;
import io.latchkey.consent.partner.PartnerPrograms;
import io.latchkey.consent.web.PartnerTemplates.AppRow;
import io.latchkey.consent.web.PartnerTemplates.Choice;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

/**
 * The partner pages (issue 12): apply for an app, see your apps and their status, and once approved read the client
 * secret once, rotate it, edit the redirect URIs. Signed-in users only; every form CSRF-protected; plain HTML forms
 * with post/redirect/get, so they work without JavaScript.
 */
@Path("/partners")
public class PartnerPagesResource {

    static final String APPLY = "/partners/apply";
    static final String APPS = "/partners/apps";

    @Inject
    CallerAddress callerAddress;

    private final Sessions sessions;
    private final PartnerPrograms partners;

    public PartnerPagesResource(Sessions sessions, PartnerPrograms partners) {
        this.sessions = sessions;
        this.partners = partners;
    }

    @GET
    @Path("apply")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Uni<Response> applyForm(@RestCookie(Sessions.COOKIE) String sessionId) {
        return signedIn(sessionId, APPLY, session -> Uni.createFrom().item(applyPage(200, session,
                PartnerForm.empty(), null)));
    }

    @POST
    @Path("apply")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Uni<Response> apply(byte[] body, @RestHeader(HttpHeaders.CONTENT_TYPE) String contentType,
                               @RestCookie(Sessions.COOKIE) String sessionId, @Context HttpServerRequest request) {
        Form form = Form.body(contentType, body);
        String csrf = form.optional(Csrf.FIELD);
        PartnerForm sent = PartnerForm.read(form);
        return signedInForm(sessionId, csrf, APPLY, session -> {
            PartnerForm.Checked checked = partners.check(sent);
            if (checked.problem() != null) {
                return Uni.createFrom().item(applyPage(400, session, sent, checked.problem()));
            }
            return partners.submit(session.userId(), checked, callerAddress.of(request))
                    .map(saved -> Pages.seeOther(APPS + "?submitted=1"));
        });
    }

    @GET
    @Path("apps")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Uni<Response> apps(@RestCookie(Sessions.COOKIE) String sessionId, @Context HttpServerRequest request) {
        String notice = Form.query(request.query()).optional("submitted") != null
                ? "Thank you: your application is waiting for an operator's review." : null;
        return signedIn(sessionId, APPS, session -> partners.mine(session.userId())
                .flatMap(found -> found.isEmpty() ? Uni.createFrom().item(List.<AppRow>of())
                        : Uni.join().all(found.stream().map(this::row).toList()).andFailFast())
                .map(rows -> Pages.ok(PartnerTemplates.apps(session.csrf(), rows, notice))));
    }

    @GET
    @Path("apps/{id}")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Uni<Response> app(@RestPath String id, @RestCookie(Sessions.COOKIE) String sessionId) {
        UUID appId = uuid(id);
        return signedIn(sessionId, APPS + "/" + appId, session -> partners.mine(session.userId(), appId)
                .flatMap(this::row)
                .map(row -> Pages.ok(PartnerTemplates.app(session.csrf(), row, null))));
    }

    /** Reveal-once: the secret leaves Redis as it is rendered (no-store page); a reload finds nothing. */
    @POST
    @Path("apps/{id}/secret")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Uni<Response> reveal(@RestPath String id, byte[] body, @RestHeader(HttpHeaders.CONTENT_TYPE) String contentType,
                                @RestCookie(Sessions.COOKIE) String sessionId) {
        UUID appId = uuid(id);
        String csrf = Form.body(contentType, body).optional(Csrf.FIELD);
        return signedInForm(sessionId, csrf, APPS, session -> partners.mine(session.userId(), appId)
                .flatMap(app -> partners.reveal(session.userId(), appId)
                        .map(secret -> Pages.ok(PartnerTemplates.secret(AppRow.of(app, false), secret)))));
    }

    @POST
    @Path("apps/{id}/rotate")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Uni<Response> rotate(@RestPath String id, byte[] body, @RestHeader(HttpHeaders.CONTENT_TYPE) String contentType,
                                @RestCookie(Sessions.COOKIE) String sessionId, @Context HttpServerRequest request) {
        UUID appId = uuid(id);
        String csrf = Form.body(contentType, body).optional(Csrf.FIELD);
        return signedInForm(sessionId, csrf, APPS, session ->
                partners.rotateSecret(session.userId(), appId, callerAddress.of(request))
                        .map(app -> Pages.seeOther(APPS + "/" + appId)));
    }

    @POST
    @Path("apps/{id}/redirect-uris")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Uni<Response> redirectUris(@RestPath String id, byte[] body,
                                      @RestHeader(HttpHeaders.CONTENT_TYPE) String contentType,
                                      @RestCookie(Sessions.COOKIE) String sessionId, @Context HttpServerRequest request) {
        UUID appId = uuid(id);
        Form form = Form.body(contentType, body);
        String csrf = form.optional(Csrf.FIELD);
        List<String> uris = PartnerForm.read(form).uris();
        return signedInForm(sessionId, csrf, APPS, session ->
                partners.replaceRedirectUris(session.userId(), appId, uris, callerAddress.of(request))
                        .map(app -> Pages.seeOther(APPS + "/" + appId))
                        .onFailure(PartnerPagesResource::refusedChange).recoverWithUni(e ->
                                partners.mine(session.userId(), appId).flatMap(this::row)
                                        .map(row -> Pages.html(400, PartnerTemplates.app(session.csrf(), row,
                                                ((OAuthException) e).description())))));
    }

    private Uni<AppRow> row(PartnerApplication app) {
        return partners.secretWaiting(app).map(waiting -> AppRow.of(app, waiting));
    }

    private Response applyPage(int status, Session session, PartnerForm form, String error) {
        List<Choice> types = java.util.Arrays.stream(AppType.values())
                .map(t -> new Choice(t.wire(), t.label(), t.wire().equals(form.appType()))).toList();
        List<Choice> scopes = ScopeCatalogue.describe(String.join(" ", partners.offeredScopes().stream().sorted().toList()))
                .stream().map(l -> new Choice(l.scope(), l.description(), form.hasScope(l.scope()))).toList();
        return Pages.html(status, PartnerTemplates.apply(session.csrf(), form, types, scopes, error));
    }

    private Uni<Response> signedIn(String sessionId, String here, Function<Session, Uni<Response>> page) {
        return sessions.find(sessionId)
                .flatMap(session -> session == null ? AuthorizedAppsResource.toLogin(here) : page.apply(session));
    }

    private Uni<Response> signedInForm(String sessionId, String csrf, String here,
                                       Function<Session, Uni<Response>> action) {
        return sessions.find(sessionId).flatMap(session -> {
            if (session == null) {
                return AuthorizedAppsResource.toLogin(here);
            }
            if (!Csrf.validForSession(session, csrf)) {
                return Uni.createFrom().item(Pages.forbidden());
            }
            return action.apply(session);
        });
    }

    private static boolean refusedChange(Throwable e) {
        return e instanceof OAuthException o && (o.error() == OAuthError.INVALID_REDIRECT_URI
                || o.error() == OAuthError.INVALID_CLIENT_METADATA || o.error() == OAuthError.INVALID_REQUEST);
    }

    private static UUID uuid(String id) {
        UUID u = AuthorizedAppsResource.uuid(id);
        if (u == null) {
            throw OAuthError.NOT_FOUND.with("No such application.");
        }
        return u;
    }

    @ServerExceptionMapper
    public Response failure(Throwable t) {
        return PageFailures.toPage(t);
    }
}
