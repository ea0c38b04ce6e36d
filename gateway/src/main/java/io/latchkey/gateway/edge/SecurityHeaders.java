package io.latchkey.gateway.edge;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;

/**
 * Response headers every answer leaving the edge carries unless the service chose its own value. Pages set their
 * own {@code frame-ancestors} (RFC 9700 §4.16), so the gateway does not touch framing.
 */
public final class SecurityHeaders implements ProxyInterceptor {

    private static final CharSequence CONTENT_TYPE_OPTIONS = HttpHeaders.createOptimized("X-Content-Type-Options");
    private static final CharSequence NOSNIFF = HttpHeaders.createOptimized("nosniff");
    private static final CharSequence REFERRER_POLICY = HttpHeaders.createOptimized("Referrer-Policy");
    private static final CharSequence NO_REFERRER = HttpHeaders.createOptimized("no-referrer");

    @Override
    public Future<Void> handleProxyResponse(ProxyContext ctx) {
        // RFC 9110 §7.6.1: what the service's Connection header names ends here too
        ConnectionOptions.removeListed(ctx.response().headers(), ctx.response().headers());
        addIfAbsent(ctx.response().headers());
        HttpServerRequest inbound = ctx.request().proxiedRequest();
        if (!EdgeResponses.closing(inbound)) {
            return ctx.sendResponse();
        }
        // a refusal that left the body unread (EdgeResponses.closeAfterAnswer): RFC 9112 §9.6, closed once sent
        return ctx.sendResponse().onComplete(sent -> EdgeResponses.closeIfMarked(inbound));
    }

    static void addIfAbsent(MultiMap headers) {
        if (!headers.contains(CONTENT_TYPE_OPTIONS)) {
            headers.set(CONTENT_TYPE_OPTIONS, NOSNIFF);
        }
        // RFC 9700 §4.2.4: no Referer header leaks codes or state from our pages to third parties
        if (!headers.contains(REFERRER_POLICY)) {
            headers.set(REFERRER_POLICY, NO_REFERRER);
        }
    }
}
