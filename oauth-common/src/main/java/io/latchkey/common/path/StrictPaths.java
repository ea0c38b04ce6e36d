package io.latchkey.common.path;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.latchkey.common.error.ErrorBody;
import io.latchkey.common.error.OAuthError;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The first handler on every Latchkey HTTP server (each service and the gateway, {@code /q/...} included): a request
 * whose path {@link RequestPath#problem} refuses gets 400 {@code invalid_request} before any route, filter or proxy
 * sees it, so no layer can route a spelling that another layer checked differently.
 */
@ApplicationScoped
public class StrictPaths {

    /** Ahead of every route Quarkus, RESTEasy and the gateway register. */
    static final int ORDER = Integer.MIN_VALUE + 100;

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(StrictPaths::check).failureHandler(StrictPaths::clientFailure);
    }

    /**
     * Failures Vert.x Web raises itself before any route runs (an HTTP/1.1 request without Host, RFC 9112 §3.2,
     * fails the routing context with 400): the client's error, answered as one with the RFC body, not logged as a
     * server ERROR. Any other failure goes on to the next failure handler.
     */
    static void clientFailure(RoutingContext ctx) {
        int status = ctx.statusCode();
        if (status < 400 || status >= 500 || ctx.response().headWritten()) {
            ctx.next();
            return;
        }
        refuse(ctx, status, "The request is malformed (HTTP/1.1 requires one Host header).");
    }

    static void check(RoutingContext ctx) {
        String problem = RequestPath.problem(ctx.request().path());
        if (problem == null) {
            ctx.next();
            return;
        }
        refuse(ctx, 400, problem);
    }

    private static void refuse(RoutingContext ctx, int status, String problem) {
        HttpServerResponse response = ctx.response().setStatusCode(status);
        response.putHeader(HttpHeaders.CONTENT_TYPE, "application/json");
        // RFC 6749 §5.1: error answers are not cached
        response.putHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.putHeader("X-Content-Type-Options", "nosniff");
        if (!ctx.request().isEnded()) {
            // the body is not read, so the connection cannot carry another request
            response.putHeader(HttpHeaders.CONNECTION, "close");
        }
        response.end(Buffer.buffer(ErrorBody.json(OAuthError.INVALID_REQUEST.with(problem))));
    }
}
