package io.latchkey.gateway.proxy;

import io.latchkey.gateway.edge.EdgeResponses;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;

/**
 * Reads a request body (at most {@code limit} bytes) before the request takes an upstream connection: a client that
 * sends its body slowly, or never finishes it, holds only its own connection, never one of the pool's (issue 9:
 * 80 stalled forms starved every other page). Requests without a body go straight on.
 */
public final class BufferedBody implements ProxyInterceptor {

    private static final String BUFFERED = "latchkey.buffered-body";

    private final int limit;

    public BufferedBody(int limit) {
        this.limit = limit;
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext ctx) {
        HttpServerRequest inbound = ctx.request().proxiedRequest();
        if (!hasBody(inbound)) {
            return ctx.sendRequest();
        }
        if (BoundedBody.announcedOver(inbound, limit)) {
            return Future.succeededFuture(tooLarge(ctx));
        }
        return BoundedBody.read(inbound, limit).transform(read -> {
            if (read.failed()) {
                return Future.succeededFuture(read.cause() == BoundedBody.TOO_LARGE ? tooLarge(ctx) : unreadable(ctx));
            }
            use(ctx, read.result());
            return ctx.sendRequest();
        });
    }

    /** Forwards {@code body}, read whole, as the request's body (it can be sent again: {@link KeepAliveRace}). */
    public static void use(ProxyContext ctx, Buffer body) {
        ctx.request().headers().remove(HttpHeaders.EXPECT); // already answered; the body travels in one piece
        ctx.request().setBody(Body.body(body));
        ctx.set(BUFFERED, body);
    }

    /** The body this interceptor read for the request (for the interceptors after it), or null when it had none. */
    public static Buffer of(ProxyContext ctx) {
        return ctx.get(BUFFERED, Buffer.class);
    }

    /** True when the request announces a body (a Content-Length above 0, or Transfer-Encoding). */
    public static boolean hasBody(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        return request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null
                || (length != null && !length.trim().equals("0"));
    }

    /** A body the client broke off or mis-framed (a bad chunk) is its error: 400, not the 503 of an outage. */
    public static ProxyResponse unreadable(ProxyContext ctx) {
        EdgeResponses.closeAfterAnswer(ctx.request().proxiedRequest());
        return EdgeResponses.instead(ctx, 400, EdgeResponses.UNREADABLE_BODY);
    }

    private static ProxyResponse tooLarge(ProxyContext ctx) {
        // RFC 9110 §15.5.14: 413 Content Too Large; the rest of the body is not read, so the connection closes
        EdgeResponses.closeAfterAnswer(ctx.request().proxiedRequest());
        return EdgeResponses.instead(ctx, 413, EdgeResponses.BODY_TOO_LARGE);
    }
}
