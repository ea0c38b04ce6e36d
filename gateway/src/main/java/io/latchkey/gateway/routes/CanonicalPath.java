package io.latchkey.gateway.routes;

import io.latchkey.gateway.edge.EdgeResponses;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * Routes match on the normalized path but the proxy forwards the raw one; a path whose two forms differ
 * ({@code /account/../internal/...}, {@code /%6Fauth/token}) is refused so that no service ever sees a path the
 * gateway did not route. oauth-common's {@code StrictPaths} already refuses these (and {@code %2f}, {@code ;},
 * {@code %25} ...) before any route; this check stays on each route as the second, independent one.
 */
final class CanonicalPath implements Handler<RoutingContext> {

    @Override
    public void handle(RoutingContext ctx) {
        if (ctx.normalizedPath().equals(ctx.request().path())) {
            ctx.next();
        } else {
            EdgeResponses.send(ctx, 400, EdgeResponses.NON_CANONICAL_PATH);
        }
    }
}
