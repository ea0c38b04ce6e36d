package io.latchkey.consent.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestCookie;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.latchkey.common.contract.SessionSummary;
import io.latchkey.common.trust.CallerAddress;
import io.latchkey.common.error.OAuthError;
import io.latchkey.common.error.OAuthExceptionMapper;
import io.latchkey.consent.audit.Origin;
import io.latchkey.consent.grant.AuthorizedApp;
import io.latchkey.consent.grant.AuthorizedApps;
import io.latchkey.consent.grant.ScopeCatalogue.ScopeLine;
import io.latchkey.consent.login.Session;
import io.latchkey.consent.login.Sessions;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import io.latchkey.common.crypto.Secrets;

/**
 * "Authorized apps" as JSON for the signed-in browser session (the same data and rules as the page). A revoke needs
 * the session's CSRF token in {@value #CSRF_HEADER}; the list hands it out.
 */
@Path("/account/api/authorized-apps")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Authorized apps", description = "The apps the signed-in user has authorized (session cookie lk_session)")
public class AuthorizedAppsApi {

    public static final String CSRF_HEADER = "X-CSRF-Token";

    public record Scope(@JsonProperty("scope") String scope, @JsonProperty("description") String description) {
        static Scope of(ScopeLine line) {
            return new Scope(line.scope(), line.description());
        }
    }

    public record AppSession(@JsonProperty("session_id") String sessionId,
                             @Schema(description = "A readable device name, e.g. \"Chrome on macOS\"")
                             @JsonProperty("device") String device,
                             @JsonProperty("user_agent") String userAgent,
                             @JsonProperty("ip") String ip,
                             @JsonProperty("created_at") OffsetDateTime createdAt,
                             @JsonProperty("last_used_at") OffsetDateTime lastUsedAt) {
        static AppSession of(SessionSummary s) {
            return new AppSession(s.sessionId().toString(), DeviceNames.of(s.userAgent(), s.deviceName()),
                    s.userAgent(), s.ip(), utc(s.createdAt()), utc(s.lastUsedAt()));
        }

        private static OffsetDateTime utc(Instant at) {
            return at == null ? null : at.atOffset(ZoneOffset.UTC);
        }
    }

    public record App(@JsonProperty("grant_id") String grantId,
                      @JsonProperty("client_id") String clientId,
                      @JsonProperty("client_name") String clientName,
                      @JsonProperty("logo_uri") String logoUri,
                      @JsonProperty("homepage_uri") String homepageUri,
                      @JsonProperty("scope") String scope,
                      @JsonProperty("scopes") List<Scope> scopes,
                      @JsonProperty("authorized_at") OffsetDateTime authorizedAt,
                      @JsonProperty("last_used_at") OffsetDateTime lastUsedAt,
                      @Schema(enumeration = {"device", "web"}) @JsonProperty("via") String via,
                      @Schema(description = "Live sessions (refresh-token families), newest first; null when "
                              + "token-service cannot be asked right now")
                      @JsonProperty("sessions") List<AppSession> sessions) {
        static App of(AuthorizedApp a) {
            return new App(a.grantId().toString(), a.client().clientId(), a.client().displayName(),
                    a.client().safeLogoUri(), a.client().safeHomepageUri(), a.scope(),
                    a.scopes().stream().map(Scope::of).toList(), a.authorizedAt(), a.lastUsedAt(), a.via(),
                    a.sessionsKnown() ? a.sessions().stream().map(AppSession::of).toList() : null);
        }
    }

    public record RevokedAll(@JsonProperty("revoked") int revoked) {
    }

    public record AppList(@JsonProperty("apps") List<App> apps,
                          @Schema(description = "Send back in " + CSRF_HEADER + " to revoke")
                          @JsonProperty("csrf_token") String csrfToken) {
    }

    /** The client address: the gateway's X-Latchkey-Client-IP next to its identity proof, else the peer. */
    @Inject
    CallerAddress callerAddress;

    private final Sessions sessions;
    private final AuthorizedApps apps;

    public AuthorizedAppsApi(Sessions sessions, AuthorizedApps apps) {
        this.sessions = sessions;
        this.apps = apps;
    }

    @GET
    @Operation(summary = "List the apps the signed-in user has authorized")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = AppList.class)))
    @APIResponse(responseCode = "401", description = "Not signed in (error login_required)")
    public Uni<Response> list(@RestCookie(Sessions.COOKIE) String sessionId) {
        return sessions.find(sessionId)
                .flatMap(session -> session == null
                        ? Uni.createFrom().item(loginRequired())
                        : apps.list(session.userId())
                                .map(found -> json(200, new AppList(found.stream().map(App::of).toList(), session.csrf()))));
    }

    @DELETE
    @Path("{grantId}")
    @Operation(summary = "Revoke an app: its refresh tokens stop working at once and its access tokens within a second")
    @Parameter(name = CSRF_HEADER, in = ParameterIn.HEADER, required = true, description = "csrf_token from the list")
    @APIResponse(responseCode = "204", description = "Revoked")
    @APIResponse(responseCode = "401", description = "Not signed in (error login_required)")
    @APIResponse(responseCode = "403", description = "Missing or wrong " + CSRF_HEADER)
    @APIResponse(responseCode = "404", description = "No such active app for this user")
    @APIResponse(responseCode = "503", description = "token-service unreachable: nothing was revoked, try again")
    public Uni<Response> revoke(@RestPath String grantId, @RestHeader(CSRF_HEADER) String csrf,
                                @RestCookie(Sessions.COOKIE) String sessionId,
                                @RestHeader("User-Agent") String userAgent, @Context HttpServerRequest request) {
        UUID id = AuthorizedAppsResource.uuid(grantId);
        return signedInWithCsrf(sessionId, csrf, session -> id == null
                ? Uni.createFrom().item(notFound())
                : apps.revoke(session.userId(), id, new Origin(callerAddress.of(request), userAgent))
                        .map(AuthorizedAppsApi::noContentOrNotFound));
    }

    @DELETE
    @Path("{grantId}/sessions/{sessionId}")
    @Operation(summary = "Revoke one session of an app (one device or sign-in): its refresh tokens stop working at once "
            + "and its access tokens within a second; the app's other sessions keep working")
    @Parameter(name = CSRF_HEADER, in = ParameterIn.HEADER, required = true, description = "csrf_token from the list")
    @APIResponse(responseCode = "204", description = "Revoked")
    @APIResponse(responseCode = "401", description = "Not signed in (error login_required)")
    @APIResponse(responseCode = "403", description = "Missing or wrong " + CSRF_HEADER)
    @APIResponse(responseCode = "404", description = "No such live session under an active app of this user")
    @APIResponse(responseCode = "503", description = "token-service unreachable: nothing was revoked, try again")
    public Uni<Response> revokeSession(@RestPath String grantId, @RestPath("sessionId") String familyId,
                                       @RestHeader(CSRF_HEADER) String csrf,
                                       @RestCookie(Sessions.COOKIE) String sessionId,
                                       @RestHeader("User-Agent") String userAgent, @Context HttpServerRequest request) {
        UUID grant = AuthorizedAppsResource.uuid(grantId);
        UUID family = AuthorizedAppsResource.uuid(familyId);
        return signedInWithCsrf(sessionId, csrf, session -> grant == null || family == null
                ? Uni.createFrom().item(notFound())
                : apps.revokeSession(session.userId(), grant, family, new Origin(callerAddress.of(request), userAgent))
                        .map(AuthorizedAppsApi::noContentOrNotFound));
    }

    @POST
    @Path("revoke-all")
    @Operation(summary = "Revoke every app of the signed-in user (no body)")
    @Parameter(name = CSRF_HEADER, in = ParameterIn.HEADER, required = true, description = "csrf_token from the list")
    @APIResponse(responseCode = "200", description = "How many apps were revoked (0 when there were none)",
            content = @Content(schema = @Schema(implementation = RevokedAll.class)))
    @APIResponse(responseCode = "401", description = "Not signed in (error login_required)")
    @APIResponse(responseCode = "403", description = "Missing or wrong " + CSRF_HEADER)
    @APIResponse(responseCode = "503", description = "token-service unreachable: the apps not yet revoked keep access, try again")
    public Uni<Response> revokeAll(@RestHeader(CSRF_HEADER) String csrf, @RestCookie(Sessions.COOKIE) String sessionId,
                                   @RestHeader("User-Agent") String userAgent, @Context HttpServerRequest request) {
        return signedInWithCsrf(sessionId, csrf, session -> apps.revokeAll(session.userId(),
                        new Origin(callerAddress.of(request), userAgent))
                .map(revoked -> json(200, new RevokedAll(revoked))));
    }

    /** Signed in (else 401 login_required) with the session's CSRF token in the header (else 403), then the action. */
    private Uni<Response> signedInWithCsrf(String sessionId, String csrf, Function<Session, Uni<Response>> action) {
        return sessions.find(sessionId)
                .flatMap(session -> {
                    if (session == null) {
                        return Uni.createFrom().item(loginRequired());
                    }
                    if (!Secrets.same(session.csrf(), csrf)) {
                        return Uni.createFrom().item(OAuthExceptionMapper.toResponse(
                                OAuthError.ACCESS_FORBIDDEN.with("Missing or wrong " + CSRF_HEADER + ".")));
                    }
                    return action.apply(session);
                });
    }

    private static Response noContentOrNotFound(AuthorizedApps.Outcome outcome) {
        return outcome == AuthorizedApps.Outcome.REVOKED
                ? Response.noContent().header("Cache-Control", "no-store").build()
                : notFound();
    }

    private static Response notFound() {
        return OAuthExceptionMapper.toResponse(OAuthError.NOT_FOUND.with("No such authorized app or session."));
    }

    private static Response loginRequired() {
        return OAuthExceptionMapper.toResponse(OAuthError.LOGIN_REQUIRED.with("Sign in first."));
    }

    private static Response json(int status, Object body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body)
                .header("Cache-Control", "no-store").build();
    }
}
