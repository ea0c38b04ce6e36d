package io.latchkey.gateway.routes;

import static io.latchkey.gateway.limit.Limit.AUTHORIZE_PER_IP;
import static io.latchkey.gateway.limit.Limit.DEVICE_AUTHORIZATION_PER_CLIENT;
import static io.latchkey.gateway.limit.Limit.DEVICE_AUTHORIZATION_PER_IP;
import static io.latchkey.gateway.limit.Limit.INTROSPECTION_PER_CLIENT;
import static io.latchkey.gateway.limit.Limit.REVOCATION_PER_CLIENT;
import static io.latchkey.gateway.limit.Limit.SIGN_IN_PER_IP;
import static io.latchkey.gateway.limit.Limit.TOKEN_PER_CLIENT;
import static io.latchkey.gateway.limit.Limit.TOKEN_PER_IP;
import static io.latchkey.gateway.routes.Route.Kind.BEARER;
import static io.latchkey.gateway.routes.Route.Kind.FORWARD;
import static io.latchkey.gateway.routes.Route.Kind.OPENAPI_DOCUMENT;
import static io.latchkey.gateway.routes.Route.Kind.TOKEN_ENDPOINT;
import static io.latchkey.gateway.routes.Route.Match.EXACT;
import static io.latchkey.gateway.routes.Route.Match.PREFIX;
import static io.latchkey.gateway.routes.Route.Match.WITH_SUB_PATHS;
import static io.latchkey.gateway.routes.Service.CONSENT;
import static io.latchkey.gateway.routes.Service.DEVICE;
import static io.latchkey.gateway.routes.Service.TOKEN;

import java.util.List;
import java.util.Set;

/**
 * The gateway's table of contents: every public path and the service that answers it. A path that is not here —
 * including every service's {@code /internal/...} and {@code /q/...} — gets a 404 {@code not_found} from the gateway.
 * The gateway itself also answers {@code /openapi} (the whole public API in one OpenAPI 3.1 document, merged from
 * the services' documents), {@code /openapi/admin} (every service's {@code /admin/} operations) and its own
 * {@code /q/health}.
 * A route's {@code limitedBy} names the rate limits that count its requests (README, "Rate limits").
 */
public final class RouteTable {

    /** Every admin API route needs this scope ({@code OperatorIdentity.ADMIN_SCOPE}). */
    private static final Set<String> ADMIN = Set.of(io.latchkey.common.trust.OperatorIdentity.ADMIN_SCOPE);

    /** The public API as one OpenAPI document (gateway/openapi/OpenApiDocuments). */
    public static final String OPENAPI_INDEX = "/openapi";
    /** The admin API as one OpenAPI document: whatever {@code /admin/} operations the services publish. */
    public static final String OPENAPI_ADMIN = "/openapi/admin";

    public static final List<Route> ROUTES = List.of(
            // token-service: OAuth clients, signing keys, codes, refresh tokens
            // RFC 8628 §3.5: device_code polls are not counted here; device-service answers slow_down
            new Route("/oauth/token", EXACT, TOKEN, TOKEN_ENDPOINT).limitedBy(TOKEN_PER_CLIENT, TOKEN_PER_IP),
            new Route("/oauth/revoke", EXACT, TOKEN, FORWARD).limitedBy(REVOCATION_PER_CLIENT),
            new Route("/oauth/introspect", EXACT, TOKEN, FORWARD).limitedBy(INTROSPECTION_PER_CLIENT),
            new Route("/oauth/jwks", EXACT, TOKEN, FORWARD),
            new Route("/.well-known/oauth-authorization-server", EXACT, TOKEN, FORWARD),
            // OpenID Connect Discovery 1.0 §4: the same metadata document, same issuer
            new Route("/.well-known/openid-configuration", EXACT, TOKEN, FORWARD),
            // the admin API: operator access tokens with scope admin only (operator users and operator clients)
            new Route("/admin/clients", WITH_SUB_PATHS, TOKEN, BEARER, ADMIN),
            new Route("/admin/keys", WITH_SUB_PATHS, TOKEN, BEARER, ADMIN),

            // device-service: device authorizations (RFC 8628 §3.1)
            new Route("/oauth/device_authorization", EXACT, DEVICE, FORWARD)
                    .limitedBy(DEVICE_AUTHORIZATION_PER_CLIENT, DEVICE_AUTHORIZATION_PER_IP),

            // consent-service: users, sessions, grants and every browser page
            new Route("/oauth/authorize", EXACT, CONSENT, FORWARD).limitedBy(AUTHORIZE_PER_IP),
            new Route("/login", EXACT, CONSENT, FORWARD).limitedBy(SIGN_IN_PER_IP),
            new Route("/logout", EXACT, CONSENT, FORWARD),
            // OpenID Connect RP-Initiated Logout 1.0 §2: the end-session endpoint and its confirmation
            new Route("/oauth/logout", WITH_SUB_PATHS, CONSENT, FORWARD),
            new Route("/consent", WITH_SUB_PATHS, CONSENT, FORWARD),
            new Route("/device", WITH_SUB_PATHS, CONSENT, FORWARD),
            new Route("/account/", PREFIX, CONSENT, FORWARD),
            new Route("/admin/users", WITH_SUB_PATHS, CONSENT, BEARER, ADMIN),
            new Route("/admin/partner-applications", WITH_SUB_PATHS, CONSENT, BEARER, ADMIN),
            new Route("/admin/audit-events", WITH_SUB_PATHS, CONSENT, BEARER, ADMIN),
            // the operator console and the partner pages are browser pages (session + CSRF), not bearer routes
            new Route("/admin", EXACT, CONSENT, FORWARD),
            new Route("/admin/console/", PREFIX, CONSENT, FORWARD),
            new Route("/partners/", PREFIX, CONSENT, FORWARD),
            // protected resource APIs (RFC 6750): a valid access token, plus these scopes
            new Route("/api/v1/me", EXACT, CONSENT, BEARER, Set.of("profile")),
            // OIDC Core §5.3: UserInfo, served by the owner of users like /api/v1/me; needs an openid token
            new Route("/oauth/userinfo", EXACT, CONSENT, BEARER, Set.of("openid")),
            new Route("/api/v1/", PREFIX, CONSENT, BEARER),
            new Route("/", EXACT, CONSENT, FORWARD),
            // the pages' favicon, stylesheet and optional local-time script
            new Route("/favicon.ico", EXACT, CONSENT, FORWARD),
            new Route("/static/", PREFIX, CONSENT, FORWARD),

            // each service's OpenAPI document, served from its /q/openapi
            new Route(OPENAPI_INDEX + "/" + TOKEN.serviceName(), EXACT, TOKEN, OPENAPI_DOCUMENT),
            new Route(OPENAPI_INDEX + "/" + DEVICE.serviceName(), EXACT, DEVICE, OPENAPI_DOCUMENT),
            new Route(OPENAPI_INDEX + "/" + CONSENT.serviceName(), EXACT, CONSENT, OPENAPI_DOCUMENT));

    private RouteTable() {
    }
}
