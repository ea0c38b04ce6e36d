package io.latchkey.gateway.proxy;

import io.vertx.core.Future;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;

/**
 * The last interceptor: sends the request to its service on a pooled connection, and once more on a fresh
 * connection when {@link KeepAliveRace} says the pooled one was lost under it (the service closed it as the
 * request went out). Every other failure goes back unchanged to {@link UpstreamFailure}.
 */
public final class UpstreamHop implements ProxyInterceptor {

    private final Upstream target;

    /** Sends every request of its route to {@code target}. */
    public UpstreamHop(Upstream target) {
        this.target = target;
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext ctx) {
        return target.create(ctx).compose(request -> send(ctx, target, request));
    }

    private static Future<ProxyResponse> send(ProxyContext ctx, Upstream target, HttpClientRequest request) {
        // HTTP/1.1 streams are numbered from 1 on each connection: above 1, the connection served a request before
        boolean reused = request.streamId() > 1;
        return ctx.request().send(request).recover(failure -> {
            if (!KeepAliveRace.resend(ctx, reused, failure)) {
                return Future.failedFuture(failure);
            }
            if (BufferedBody.of(ctx) == null) {
                ctx.request().setBody(null); // no body: the inbound stream has ended and cannot be piped again
            }
            return target.createFresh().compose(again -> ctx.request().send(again));
        });
    }
}
