package io.latchkey.gateway.limit;

import java.util.List;

import io.latchkey.gateway.edge.EdgeResponses;
import io.latchkey.gateway.token.BoundedBody;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;

/**
 * The limits of one route, checked before the request is forwarded. A per-client limit takes the client_id from
 * HTTP Basic or, failing that, from the (small, bounded) form body, which is then forwarded as read.
 */
public final class RateLimiting implements ProxyInterceptor {

    private static final CharSequence CLOSE = HttpHeaders.createOptimized("close");

    private final RateLimiter limiter;
    private final List<Limit> limits;
    private final List<Limit> nonPostLimits;
    private final boolean perClient;
    private final int maxBody;

    public RateLimiting(RateLimiter limiter, List<Limit> limits, int maxBody) {
        this.limiter = limiter;
        this.limits = List.copyOf(limits);
        this.nonPostLimits = limits.stream().filter(l -> !l.postOnly()).toList();
        this.perClient = limits.stream().anyMatch(l -> l.key() == Limit.Key.CLIENT);
        this.maxBody = maxBody;
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext ctx) {
        HttpServerRequest inbound = ctx.request().proxiedRequest();
        List<Limit> applicable = applicable(inbound.method());
        if (applicable.isEmpty() || !limiter.enabled()) {
            return ctx.sendRequest();
        }
        String basic = perClient ? ClientKeys.basicClientId(inbound) : null;
        if (!perClient || basic != null || !isForm(inbound)) {
            return checkThenSend(ctx, applicable, basic);
        }
        if (BoundedBody.announcedOver(inbound, maxBody)) {
            return Future.succeededFuture(tooLarge(ctx));
        }
        return BoundedBody.read(inbound, maxBody).transform(read -> {
            if (read.failed()) {
                return read.cause() == BoundedBody.TOO_LARGE
                        ? Future.succeededFuture(tooLarge(ctx))
                        : Future.failedFuture(read.cause());
            }
            Buffer form = read.result();
            ctx.request().headers().remove(HttpHeaders.EXPECT); // already answered; the body travels in one piece
            ctx.request().setBody(Body.body(form));
            return checkThenSend(ctx, applicable, ClientKeys.clientId(inbound, form));
        });
    }

    /** Checks the limits for a request whose client_id is known (or absent), then forwards it or refuses it. */
    public Future<ProxyResponse> checkThenSend(ProxyContext ctx, List<Limit> applicable, String clientId) {
        HttpServerRequest inbound = ctx.request().proxiedRequest();
        return limiter.check(applicable, ClientKeys.ip(inbound), clientId)
                .compose(verdict -> verdict.admitted()
                        ? ctx.sendRequest()
                        : Future.succeededFuture(Rejections.instead(ctx, verdict)));
    }

    /** The limits that count a request with this method. */
    public List<Limit> applicable(HttpMethod method) {
        return method == HttpMethod.POST ? limits : nonPostLimits;
    }

    public boolean enabled() {
        return limiter.enabled();
    }

    private static boolean isForm(HttpServerRequest inbound) {
        String type = inbound.getHeader(HttpHeaders.CONTENT_TYPE);
        return type != null && type.regionMatches(true, 0, "application/x-www-form-urlencoded", 0, 33);
    }

    private static ProxyResponse tooLarge(ProxyContext ctx) {
        // RFC 9110 §15.5.14: 413 Content Too Large; the rest of the body is not read, so the connection closes
        ctx.request().proxiedRequest().response().putHeader(HttpHeaders.CONNECTION, CLOSE);
        return EdgeResponses.instead(ctx, 413, EdgeResponses.BODY_TOO_LARGE);
    }
}
