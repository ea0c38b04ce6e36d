package io.latchkey.consent.web;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
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

import io.latchkey.common.trust.CallerAddress;
import io.latchkey.common.error.OAuthError;
import io.latchkey.common.error.OAuthExceptionMapper;
import io.latchkey.consent.audit.Origin;
import io.latchkey.consent.grant.AuthorizedApp;
import io.latchkey.consent.grant.AuthorizedApps;
import io.latchkey.consent.grant.ScopeCatalogue.ScopeLine;
import io.latchkey.consent.login.Session;
import io.latchkey.consent.login.Sessions;
import io.latchkey.consent.login.Tokens;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

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

    public record App(@JsonProperty("grant_id") String grantId,
                      @JsonProperty("client_id") String clientId,
                      @JsonProperty("client_name") String clientName,
                      @JsonProperty("logo_uri") String logoUri,
                      @JsonProperty("homepage_uri") String homepageUri,
                      @JsonProperty("scope") String scope,
                      @JsonProperty("scopes") List<Scope> scopes,
                      @JsonProperty("authorized_at") OffsetDateTime authorizedAt,
                      @JsonProperty("last_used_at") OffsetDateTime lastUsedAt,
                      @Schema(enumeration = {"device", "web"}) @JsonProperty("via") String via) {
        static App of(AuthorizedApp a) {
            return new App(a.grantId().toString(), a.client().clientId(), a.client().displayName(),
                    a.client().safeLogoUri(), a.client().safeHomepageUri(), a.scope(),
                    a.scopes().stream().map(Scope::of).toList(), a.authorizedAt(), a.lastUsedAt(), a.via());
        }
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
        return sessions.find(sessionId)
                .flatMap(session -> {
                    if (session == null) {
                        return Uni.createFrom().item(loginRequired());
                    }
                    if (!Tokens.same(session.csrf(), csrf)) {
                        return Uni.createFrom().item(json(403, Map.of("error", "access_denied",
                                "error_description", "Missing or wrong " + CSRF_HEADER + ".")));
                    }
                    if (id == null) {
                        return Uni.createFrom().item(notFound());
                    }
                    return revoke(session, id, new Origin(callerAddress.of(request), userAgent));
                });
    }

    private Uni<Response> revoke(Session session, UUID grantId, Origin origin) {
        return apps.revoke(session.userId(), grantId, origin)
                .map(outcome -> outcome == AuthorizedApps.Outcome.REVOKED
                        ? Response.noContent().header("Cache-Control", "no-store").build()
                        : notFound());
    }

    private static Response notFound() {
        return OAuthExceptionMapper.toResponse(OAuthError.NOT_FOUND.with("No such authorized app."));
    }

    private static Response loginRequired() {
        return json(401, Map.of("error", "login_required", "error_description", "Sign in first."));
    }

    private static Response json(int status, Object body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body)
                .header("Cache-Control", "no-store").build();
    }
}
