package io.latchkey.consent.web;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestCookie;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.latchkey.common.Form;
import io.latchkey.common.error.OAuthError;
import io.latchkey.common.error.OAuthExceptionMapper;
import io.latchkey.common.error.Failures;
import io.latchkey.consent.admin.PageCursor;
import io.latchkey.common.KeysetPage.Slice;
import io.latchkey.consent.audit.Activity;
import io.latchkey.consent.audit.AuditEvent;
import io.latchkey.consent.client.ClientDirectory;
import io.latchkey.common.contract.ClientInfo;
import io.latchkey.consent.login.Sessions;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

/**
 * {@code GET /account/activity}: the signed-in user's own security log (sign-ins, failed sign-ins, authorizations,
 * device approvals and denials, revocations, operator actions on the account), newest first, keyset-paginated
 * ({@code cursor}, {@code limit}), each line with its time, IP address and readable device name.
 * {@code GET /account/api/activity} is the same as JSON.
 */
@Path("/account")
public class AccountActivityResource {

    private final Sessions sessions;
    private final Activity activity;
    private final ClientDirectory clients;

    public AccountActivityResource(Sessions sessions, Activity activity, ClientDirectory clients) {
        this.sessions = sessions;
        this.activity = activity;
        this.clients = clients;
    }

    /** One line of the log as JSON. */
    public record ActivityEvent(@JsonProperty("id") String id,
                                @JsonProperty("at") OffsetDateTime at,
                                @JsonProperty("kind") String kind,
                                @JsonProperty("description") String description,
                                @JsonProperty("client_id") String clientId,
                                @JsonProperty("client_name") String clientName,
                                @JsonProperty("ip") String ip,
                                @JsonProperty("device") String device) {
    }

    public record ActivityPage(@JsonProperty("events") List<ActivityEvent> events,
                               @JsonProperty("next_cursor") String nextCursor) {
    }

    private record Line(AuditEvent event, ClientInfo client) {
    }

    @GET
    @Path("activity")
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> page(@Context HttpServerRequest request, @RestCookie(Sessions.COOKIE) String sessionId) {
        PageCursor cursor = PageCursor.of(Form.query(request.query()));
        return sessions.find(sessionId).flatMap(session -> {
            if (session == null) {
                return Uni.createFrom().item(Pages.seeOther("/login?return_to=%2Faccount%2Factivity"));
            }
            return lines(session.userId(), cursor).map(slice -> Pages.ok(AccountPagesTemplates.activity(
                    slice.items().stream().map(AccountActivityResource::view).toList(),
                    slice.nextCursor() == null ? null
                            : "/account/activity?cursor=" + slice.nextCursor()
                                    + (cursor.limit() == PageCursor.DEFAULT_LIMIT ? "" : "&limit=" + cursor.limit()),
                    cursor.first())));
        });
    }

    @GET
    @Path("api/activity")
    @Produces(MediaType.APPLICATION_JSON)
    @Tag(name = "Account activity", description = "The signed-in user's own security log (session cookie lk_session)")
    @Operation(summary = "The signed-in user's activity, newest first, one page at a time")
    @Parameter(name = "limit", in = ParameterIn.QUERY, description = "1 to 100 (default 50)",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100"))
    @Parameter(name = "cursor", in = ParameterIn.QUERY, description = "next_cursor of the previous page",
            schema = @Schema(type = SchemaType.STRING))
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ActivityPage.class)))
    @APIResponse(responseCode = "400", description = "Malformed limit or cursor (error invalid_request)")
    @APIResponse(responseCode = "401", description = "Not signed in (error login_required)")
    public Uni<Response> json(@Context HttpServerRequest request, @RestCookie(Sessions.COOKIE) String sessionId) {
        PageCursor cursor;
        try {
            cursor = PageCursor.of(Form.query(request.query()));
        } catch (RuntimeException e) {
            return Uni.createFrom().item(OAuthExceptionMapper.toResponse(Failures.toOAuth(e)));
        }
        return sessions.find(sessionId).flatMap(session -> session == null
                ? Uni.createFrom().item(OAuthExceptionMapper.toResponse(OAuthError.LOGIN_REQUIRED.with("Sign in first.")))
                : lines(session.userId(), cursor).map(slice -> Response.ok(new ActivityPage(
                        slice.items().stream().map(AccountActivityResource::event).toList(), slice.nextCursor()))
                        .type(MediaType.APPLICATION_JSON_TYPE).build()))
                // JSON callers get the RFC error body (503 temporarily_unavailable when a store is down), not a page
                .onFailure().recoverWithItem(t -> OAuthExceptionMapper.toResponse(Failures.toOAuth(t)));
    }

    /** The page's events with their apps (a client token-service cannot name now shows as its id). */
    private Uni<Slice<Line>> lines(java.util.UUID userId, PageCursor cursor) {
        return activity.page(userId, cursor).flatMap(slice -> {
            Set<String> ids = slice.items().stream().filter(Activity::namesApp).map(e -> e.clientId)
                    .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
            if (ids.isEmpty()) {
                return Uni.createFrom().item(new Slice<>(
                        slice.items().stream().map(e -> new Line(e, null)).toList(), slice.nextCursor()));
            }
            List<Uni<ClientInfo>> finds = ids.stream()
                    .map(id -> clients.find(id).onFailure().recoverWithItem(() -> ClientInfo.unknown(id)))
                    .toList();
            return Uni.join().all(finds).andFailFast().map(found -> {
                Map<String, ClientInfo> byId = new LinkedHashMap<>();
                found.forEach(c -> byId.put(c.clientId(), c));
                return new Slice<>(slice.items().stream()
                        .map(e -> new Line(e, Activity.namesApp(e) ? byId.get(e.clientId) : null)).toList(),
                        slice.nextCursor());
            });
        });
    }

    private static AccountPagesTemplates.EventView view(Line l) {
        AuditEvent e = l.event();
        boolean byOperator = e.actor != null;
        return new AccountPagesTemplates.EventView(
                Activity.describe(e, l.client() == null ? null : l.client().displayName()),
                l.client() == null ? null : AppMark.html(l.client().clientId(), l.client().displayName(),
                        l.client().logoUri()),
                Times.of(e.at), byOperator ? null : e.ip,
                byOperator || e.userAgent == null ? null : DeviceNames.of(e.userAgent, null),
                e.scopes == null || e.scopes.isBlank() ? null : "Scopes: " + e.scopes);
    }

    private static ActivityEvent event(Line l) {
        AuditEvent e = l.event();
        boolean byOperator = e.actor != null;
        return new ActivityEvent(e.id.toString(), e.at, e.action,
                Activity.describe(e, l.client() == null ? null : l.client().displayName()),
                l.client() == null ? null : l.client().clientId(),
                l.client() == null ? null : l.client().displayName(),
                byOperator ? null : e.ip,
                byOperator || e.userAgent == null ? null : DeviceNames.of(e.userAgent, null));
    }

    @ServerExceptionMapper
    public Response failure(Throwable t) {
        return PageFailures.toPage(t);
    }
}
