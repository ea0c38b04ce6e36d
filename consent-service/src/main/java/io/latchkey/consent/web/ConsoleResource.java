package io.latchkey.consent.web;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

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
import io.latchkey.common.trust.CallerAddress;
import io.latchkey.common.trust.OperatorIdentity;
import io.latchkey.common.trust.OperatorIdentity.Caller;
import io.latchkey.consent.admin.ClientAdmin;
import io.latchkey.consent.admin.PageCursor;
import io.latchkey.consent.admin.UserAdmin;
import io.latchkey.consent.audit.AuditFilter;
import io.latchkey.consent.audit.AuditLog;
import io.latchkey.consent.login.Csrf;
import io.latchkey.consent.login.Session;
import io.latchkey.consent.login.Sessions;
import io.latchkey.consent.partner.PartnerApplication;
import io.latchkey.consent.partner.PartnerPrograms;
import io.latchkey.consent.user.UserRepository;
import io.latchkey.consent.web.ConsoleTemplates.ApplicationRow;
import io.latchkey.consent.web.ConsoleTemplates.ClientRow;
import io.latchkey.consent.web.ConsoleTemplates.EventRow;
import io.latchkey.consent.web.ConsoleTemplates.UserRow;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

/**
 * The operator console: {@code /admin} (home) and {@code /admin/console/…}. Server-rendered pages for a browser
 * session of an operator user (anyone else: 403 page; not signed in: the sign-in page), every change a CSRF-protected
 * form with post/redirect/get, no JavaScript needed. The actions are the admin API's own (the same classes), audited
 * with the operator's user id as the actor.
 */
@Path("/admin")
public class ConsoleResource {

    static final String CONSOLE = "/admin/console";
    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Set<String> STATUSES = Set.of(PartnerApplication.PENDING, PartnerApplication.APPROVED,
            PartnerApplication.REJECTED);

    @Inject
    CallerAddress callerAddress;

    private final Sessions sessions;
    private final UserRepository users;
    private final UserAdmin userAdmin;
    private final ClientAdmin clientAdmin;
    private final PartnerPrograms partners;
    private final AuditLog audit;

    public ConsoleResource(Sessions sessions, UserRepository users, UserAdmin userAdmin, ClientAdmin clientAdmin,
                           PartnerPrograms partners, AuditLog audit) {
        this.sessions = sessions;
        this.users = users;
        this.userAdmin = userAdmin;
        this.clientAdmin = clientAdmin;
        this.partners = partners;
        this.audit = audit;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Uni<Response> home(@RestCookie(Sessions.COOKIE) String sessionId, @Context HttpServerRequest request) {
        return page(sessionId, "/admin", request, (session, caller) -> partners.list(PartnerApplication.PENDING,
                        PageCursor.firstPage(PageCursor.MAX_LIMIT))
                .map(p -> Pages.ok(ConsoleTemplates.home(session.username(), p.applications().size()))));
    }

    @GET
    @Path("console/applications")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Uni<Response> applications(@RestCookie(Sessions.COOKIE) String sessionId, @Context HttpServerRequest request) {
        Form query = Form.query(request.query());
        String status = query.optional("status") == null ? PartnerApplication.PENDING : query.optional("status");
        if (!STATUSES.contains(status)) {
            throw OAuthError.INVALID_REQUEST.with("Unknown status.");
        }
        PageCursor cursor = PageCursor.of(query);
        return page(sessionId, CONSOLE + "/applications", request, (session, caller) -> partners.list(status, cursor)
                .map(p -> Pages.ok(ConsoleTemplates.applications(session.csrf(), status,
                        p.applications().stream().map(ApplicationRow::of).toList(), p.nextCursor()))));
    }

    @POST
    @Path("console/applications/{id}/approve")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Uni<Response> approve(@RestPath String id, byte[] body, @RestHeader(HttpHeaders.CONTENT_TYPE) String type,
                                 @RestCookie(Sessions.COOKIE) String sessionId, @Context HttpServerRequest request) {
        Form form = Form.body(type, body);
        UUID appId = uuid(id);
        return action(sessionId, form, request, caller -> partners.approve(caller, appId)
                .map(ignored -> Pages.seeOther(CONSOLE + "/applications")));
    }

    @POST
    @Path("console/applications/{id}/reject")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Uni<Response> reject(@RestPath String id, byte[] body, @RestHeader(HttpHeaders.CONTENT_TYPE) String type,
                                @RestCookie(Sessions.COOKIE) String sessionId, @Context HttpServerRequest request) {
        Form form = Form.body(type, body);
        UUID appId = uuid(id);
        String reason = form.optional("reason");
        return action(sessionId, form, request, caller -> partners.reject(caller, appId, reason)
                .map(ignored -> Pages.seeOther(CONSOLE + "/applications")));
    }

    @GET
    @Path("console/clients")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Uni<Response> clients(@RestCookie(Sessions.COOKIE) String sessionId, @Context HttpServerRequest request) {
        Form query = Form.query(request.query());
        String q = query.optional("q");
        String cursor = query.optional("cursor");
        return page(sessionId, CONSOLE + "/clients", request, (session, caller) -> clientAdmin.search(q, cursor)
                .map(p -> Pages.ok(ConsoleTemplates.clients(session.csrf(), q,
                        p.clients().stream().map(ClientRow::of).toList(), p.nextCursor()))));
    }

    @POST
    @Path("console/clients/{clientId}/{change}")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Uni<Response> changeClient(@RestPath String clientId, @RestPath String change, byte[] body,
                                      @RestHeader(HttpHeaders.CONTENT_TYPE) String type,
                                      @RestCookie(Sessions.COOKIE) String sessionId, @Context HttpServerRequest request) {
        Form form = Form.body(type, body);
        boolean disable = disable(change);
        if (!CLIENT_ID.matcher(clientId).matches()) {
            throw OAuthError.NOT_FOUND.with("No such client.");
        }
        return action(sessionId, form, request, caller -> clientAdmin.setDisabled(caller, clientId, disable)
                .map(ignored -> Pages.seeOther(CONSOLE + "/clients?q=" + clientId)));
    }

    @GET
    @Path("console/users")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Uni<Response> users(@RestCookie(Sessions.COOKIE) String sessionId, @Context HttpServerRequest request) {
        Form query = Form.query(request.query());
        String q = query.optional("q");
        PageCursor cursor = PageCursor.of(query);
        return page(sessionId, CONSOLE + "/users", request, (session, caller) -> userAdmin.list(null, q, cursor)
                .map(p -> Pages.ok(ConsoleTemplates.users(session.csrf(), q,
                        p.users().stream().map(UserRow::of).toList(), p.nextCursor()))));
    }

    @POST
    @Path("console/users/{id}/{change}")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Uni<Response> changeUser(@RestPath String id, @RestPath String change, byte[] body,
                                    @RestHeader(HttpHeaders.CONTENT_TYPE) String type,
                                    @RestCookie(Sessions.COOKIE) String sessionId, @Context HttpServerRequest request) {
        Form form = Form.body(type, body);
        boolean disable = disable(change);
        UUID userId = uuid(id);
        return action(sessionId, form, request, caller -> (disable
                ? userAdmin.disable(caller, userId).map(d -> d == null ? null : d.user())
                : userAdmin.enable(caller, userId))
                .map(user -> {
                    if (user == null) {
                        throw OAuthError.NOT_FOUND.with("No such user.");
                    }
                    return Pages.seeOther(CONSOLE + "/users?q=" + java.net.URLEncoder.encode(user.username,
                            java.nio.charset.StandardCharsets.UTF_8));
                }));
    }

    @GET
    @Path("console/audit")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Uni<Response> audit(@RestCookie(Sessions.COOKIE) String sessionId, @Context HttpServerRequest request) {
        Form query = Form.query(request.query());
        AuditFilter filter = AuditFilter.of(query);
        PageCursor cursor = PageCursor.of(query);
        return page(sessionId, CONSOLE + "/audit", request, (session, caller) -> audit.search(filter, cursor)
                .map(found -> cursor.slice(found, e -> e.at, e -> e.id))
                .map(slice -> Pages.ok(ConsoleTemplates.audit(query.optional("user_id"), filter.clientId(),
                        filter.kind(), slice.items().stream().map(EventRow::of).toList(), slice.nextCursor()))));
    }

    /** A console page: signed in (else to the sign-in page), as an active operator (else 403). */
    private Uni<Response> page(String sessionId, String here, HttpServerRequest request,
                               BiFunction<Session, Caller, Uni<Response>> render) {
        return sessions.find(sessionId).flatMap(session -> session == null
                ? AuthorizedAppsResource.toLogin(here)
                : asOperator(session, request, caller -> render.apply(session, caller)));
    }

    /** A console form: signed in as an active operator, with the session's CSRF token. */
    private Uni<Response> action(String sessionId, Form form, HttpServerRequest request,
                                 java.util.function.Function<Caller, Uni<Response>> act) {
        String csrf = form.optional(Csrf.FIELD);
        return sessions.find(sessionId).flatMap(session -> {
            if (session == null) {
                return AuthorizedAppsResource.toLogin("/admin");
            }
            if (!Csrf.validForSession(session, csrf)) {
                return Uni.createFrom().item(Pages.forbidden());
            }
            return asOperator(session, request, act);
        });
    }

    private Uni<Response> asOperator(Session session, HttpServerRequest request,
                                     java.util.function.Function<Caller, Uni<Response>> next) {
        return users.findActiveById(session.userId()).flatMap(user -> user == null || !user.operator
                ? Uni.createFrom().item(Pages.message(403, "Operators only",
                        "The operator console is for Latchkey operators. Your account is not an operator account."))
                : next.apply(new Caller(user.id.toString(), "latchkey-console", Set.of(OperatorIdentity.ADMIN_SCOPE),
                        callerAddress.of(request))));
    }

    private static boolean disable(String change) {
        if (!"disable".equals(change) && !"enable".equals(change)) {
            throw OAuthError.NOT_FOUND.with("No such action.");
        }
        return "disable".equals(change);
    }

    private static UUID uuid(String id) {
        UUID u = AuthorizedAppsResource.uuid(id);
        if (u == null) {
            throw OAuthError.NOT_FOUND.with("Not found.");
        }
        return u;
    }

    @ServerExceptionMapper
    public Response failure(Throwable t) {
        return PageFailures.toPage(t);
    }
}
