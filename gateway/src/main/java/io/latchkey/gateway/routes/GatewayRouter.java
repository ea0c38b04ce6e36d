package io.latchkey.gateway.routes;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.latchkey.gateway.bearer.BearerAuth;
import io.latchkey.gateway.bearer.BearerProtection;
import io.latchkey.common.config.ServicesConfig;
import io.latchkey.gateway.config.GatewayConfig;
import io.latchkey.gateway.edge.EdgeResponses;
import io.latchkey.gateway.edge.ForwardingHeaders;
import io.latchkey.gateway.edge.RequestIdentity;
import io.latchkey.gateway.edge.WellFormedHeaders;
import io.latchkey.gateway.edge.SecurityHeaders;
import io.latchkey.gateway.edge.TrustedProxies;
import io.latchkey.gateway.limit.RateLimiter;
import io.latchkey.gateway.limit.RateLimiting;
import io.latchkey.gateway.metrics.GatewayMetrics;
import io.latchkey.gateway.openapi.OpenApiDocument;
import io.latchkey.gateway.openapi.OpenApiDocuments;
import io.latchkey.gateway.proxy.BufferedBody;
import io.latchkey.gateway.proxy.ClientGoneFailures;
import io.latchkey.gateway.proxy.Upstream;
import io.latchkey.gateway.proxy.UpstreamFailure;
import io.latchkey.gateway.proxy.UpstreamHop;
import io.latchkey.gateway.proxy.Upstreams;
import io.latchkey.gateway.token.TokenEndpoint;
import io.quarkus.runtime.ShutdownEvent;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.proxy.handler.ProxyHandler;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyOptions;

/**
 * Puts the {@link RouteTable} on the Quarkus router: a reverse proxy per line (path check first), the OpenAPI
 * index, and a JSON 404 for everything else.
 */
@ApplicationScoped
public class GatewayRouter {

    /** After every other route, including the gateway's own /q/health. */
    private static final int LAST = Integer.MAX_VALUE - 100;

    @Inject
    Vertx vertx;

    @Inject
    ServicesConfig services;

    @Inject
    GatewayConfig config;

    @Inject
    BearerProtection bearer;

    @Inject
    RateLimiter limiter;

    @Inject
    GatewayMetrics metrics;

    private Upstreams upstreams;

    void init(@Observes Router router) {
        upstreams = Upstreams.connect(vertx, services, config);
        ClientGoneFailures.install(vertx);
        TrustedProxies proxies = TrustedProxies.of(config.trustedProxies().orElse(List.of()));
        ForwardingHeaders forwarding = new ForwardingHeaders(proxies, config.identitySecret().orElse(null));
        Handler<RoutingContext> canonical = new CanonicalPath();
        // RFC 9112 §3.2: no Host, no route (before every other handler, the gateway's own /q/health included)
        router.route().order(Integer.MIN_VALUE).handler(new WellFormedHeaders());
        // then every request gets its X-Request-Id (README, "Logs")
        router.route().order(Integer.MIN_VALUE + 1).handler(new RequestIdentity(proxies));

        for (Route route : RouteTable.ROUTES) {
            Upstream upstream = upstreams.get(route.service());
            UpstreamHop hop = new UpstreamHop(upstream);
            GatewayMetrics.RouteMeters meters = metrics.forRoute(route);
            Handler<RoutingContext> timing = meters.timing();
            RateLimiting limits = new RateLimiting(limiter, route.limits(), meters.rateLimited());
            ProxyHandler forward = switch (route.kind()) {
                case OPENAPI_DOCUMENT -> proxy(upstream, hop, forwarding, new OpenApiDocument());
                // RFC 6750: after the inbound X-Latchkey-* headers are dropped, the verified identity is added; the
                // body (the admin API's JSON) is then read whole like every other one, so a service never answers
                // and closes a connection while the gateway is still writing to it
                case BEARER -> proxy(upstream, hop, forwarding, new BearerAuth(bearer, route.requiredScopes()),
                        new BufferedBody(config.maxForwardedBody()));
                // forms and other bodies are read whole before an upstream connection is taken, then the limits apply
                default -> route.limits().isEmpty()
                        ? proxy(upstream, hop, forwarding, new BufferedBody(config.maxForwardedBody()))
                        : proxy(upstream, hop, forwarding, new BufferedBody(config.maxForwardedBody()), limits);
            };
            for (String path : route.vertxPaths()) {
                if (route.kind() == Route.Kind.TOKEN_ENDPOINT) {
                    // the token endpoint's limits are checked after the grant_type is known (polls are exempt)
                    TokenEndpoint tokenEndpoint = new TokenEndpoint(upstreams.get(Service.TOKEN),
                            upstreams.get(Service.DEVICE), forwarding, config.maxTokenBody(), limits);
                    router.post(path).handler(timing).handler(canonical).handler(tokenEndpoint);
                }
                if (route.kind() == Route.Kind.OPENAPI_DOCUMENT) {
                    // a document is only read: GET; every other method is 405 (RFC 9110 §15.5.6) with Allow
                    router.get(path).handler(timing).handler(canonical).handler(forward);
                    router.route(path).handler(timing).handler(canonical).handler(ctx -> {
                        ctx.response().putHeader("Allow", "GET");
                        EdgeResponses.send(ctx, 405, EdgeResponses.METHOD_NOT_ALLOWED);
                    });
                    continue;
                }
                router.route(path).handler(timing).handler(canonical).handler(forward);
            }
        }
        OpenApiDocuments documents = new OpenApiDocuments(List.of(upstreams.get(Service.TOKEN),
                upstreams.get(Service.DEVICE), upstreams.get(Service.CONSENT)));
        documents.start(vertx, config.openapiRefreshInterval().toMillis());
        getOnly(router, RouteTable.OPENAPI_INDEX, canonical, documents.publicHandler());
        getOnly(router, RouteTable.OPENAPI_ADMIN, canonical, documents.adminHandler());
        router.route().order(LAST).handler(ctx -> EdgeResponses.send(ctx, 404, EdgeResponses.NOT_FOUND));
    }

    /** A document is only read: GET; every other method is 405 (RFC 9110 §15.5.6) with Allow. */
    private static void getOnly(Router router, String path, Handler<RoutingContext> canonical,
                                Handler<RoutingContext> handler) {
        router.get(path).handler(canonical).handler(handler);
        router.route(path).handler(canonical).handler(ctx -> {
            ctx.response().putHeader("Allow", "GET");
            EdgeResponses.send(ctx, 405, EdgeResponses.METHOD_NOT_ALLOWED);
        });
    }

    void close(@Observes ShutdownEvent event) {
        if (upstreams != null) {
            upstreams.close();
        }
    }

    /**
     * A reverse proxy on {@code pool}'s connections: failures become 503 JSON, then edge headers, then the rest, and
     * last {@code hop}, which sends the request (the proxy's own origin is never asked).
     */
    private static ProxyHandler proxy(Upstream pool, UpstreamHop hop, ProxyInterceptor... interceptors) {
        HttpProxy proxy = HttpProxy.reverseProxy(new ProxyOptions().setSupportWebSocket(false), pool.client())
                .origin(pool)
                .addInterceptor(new UpstreamFailure())
                .addInterceptor(new SecurityHeaders());
        for (ProxyInterceptor interceptor : interceptors) {
            proxy.addInterceptor(interceptor);
        }
        proxy.addInterceptor(hop);
        return ProxyHandler.create(proxy);
    }
}
