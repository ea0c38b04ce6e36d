package io.latchkey.gateway.limit;

import io.latchkey.common.error.ErrorBody;
import io.latchkey.common.error.OAuthError;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.latchkey.gateway.edge.EdgeResponses;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyResponse;

/**
 * The answer to a request over a limit: RFC 6585 §4's 429 with Retry-After, as RFC 6749-style JSON
 * ({@code too_many_requests}) on API routes and as a short HTML page on browser routes.
 */
final class Rejections {

    static final String JSON_BODY = ErrorBody.json(
            OAuthError.TOO_MANY_REQUESTS.with("Too many requests; retry after the time in Retry-After."));
    static final String HTML_BODY = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Too many requests</title></head>
            <body><h1>Too many requests</h1>
            <p>There have been too many requests from your network. Please wait a moment and try again.</p>
            </body></html>
            """;

    private static final Buffer JSON = Buffer.buffer(JSON_BODY);
    private static final Buffer HTML = Buffer.buffer(HTML_BODY);
    private static final CharSequence APPLICATION_JSON = HttpHeaders.createOptimized("application/json");
    private static final CharSequence TEXT_HTML = HttpHeaders.createOptimized("text/html;charset=UTF-8");
    private static final CharSequence NO_STORE = HttpHeaders.createOptimized("no-store");
    private static final CharSequence RETRY_AFTER = HttpHeaders.createOptimized("Retry-After");

    private Rejections() {
    }

    /** Sent instead of forwarding; the proxy's response interceptors (security headers) still run. */
    static ProxyResponse instead(ProxyContext ctx, Verdict verdict) {
        ProxyResponse response = ctx.request().release().response()
                .setStatusCode(429)
                .setBody(Body.body(body(verdict)));
        headers(response.headers(), verdict);
        return response;
    }

    /** Sent by a handler that forwards by itself, with the edge's security headers. */
    static void send(RoutingContext ctx, Verdict verdict) {
        HttpServerResponse response = ctx.response().setStatusCode(429);
        headers(response.headers(), verdict);
        EdgeResponses.secure(response.headers());
        response.end(body(verdict));
    }

    private static Buffer body(Verdict verdict) {
        return verdict.limit().page() ? HTML : JSON;
    }

    private static void headers(MultiMap headers, Verdict verdict) {
        headers.set(HttpHeaders.CONTENT_TYPE, verdict.limit().page() ? TEXT_HTML : APPLICATION_JSON);
        headers.set(HttpHeaders.CACHE_CONTROL, NO_STORE);
        // RFC 6585 §4: a 429 MAY say how long to wait; we always do
        headers.set(RETRY_AFTER, Long.toString(verdict.retryAfterSeconds()));
    }
}
