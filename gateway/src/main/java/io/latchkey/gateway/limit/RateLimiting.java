package io.latchkey.gateway.limit;

import java.util.List;

import io.latchkey.gateway.edge.ClientAddress;
import io.latchkey.gateway.proxy.BufferedBody;
import io.micrometer.core.instrument.Counter;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;

/**
 * The limits of one route, checked before the request is forwarded. A per-client limit takes the client_id from
 * HTTP Basic or, failing that, from the form body that {@link BufferedBody} (always installed before this
 * interceptor) has read.
 */
public final class RateLimiting implements ProxyInterceptor {

    private final RateLimiter limiter;
    private final List<Limit> limits;
    private final List<Limit> nonPostLimits;
    private final boolean perClient;
    private final Counter refused;

    /** {@code refused} counts this route's refusals ({@code latchkey_rate_limited_total{route}}). */
    public RateLimiting(RateLimiter limiter, List<Limit> limits, Counter refused) {
        this.limiter = limiter;
        this.refused = refused;
        this.limits = List.copyOf(limits);
        this.nonPostLimits = limits.stream().filter(l -> !l.postOnly()).toList();
        this.perClient = limits.stream().anyMatch(l -> l.key() == Limit.Key.CLIENT);
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
        // BufferedBody, the interceptor before this one, has read the (bounded) form: no second read of the body
        Buffer form = BufferedBody.of(ctx);
        return checkThenSend(ctx, applicable, form == null ? null : ClientKeys.clientId(inbound, form));
    }

    /** Checks the limits for a request whose client_id is known (or absent), then forwards it or refuses it. */
    public Future<ProxyResponse> checkThenSend(ProxyContext ctx, List<Limit> applicable, String clientId) {
        // the rightmost untrusted X-Forwarded-For hop behind trusted proxies, else the peer (edge/ClientAddress)
        return limiter.check(applicable, ClientAddress.of(ctx), clientId)
                .compose(verdict -> verdict.admitted()
                        ? ctx.sendRequest()
                        : Future.succeededFuture(refuse(ctx, verdict)));
    }

    /**
     * For a handler that forwards by itself (the token endpoint): the verdict of this route's limits on a request
     * from {@code clientAddress} (edge/ForwardingHeaders) naming {@code clientId} (or none).
     */
    public Future<Verdict> verdict(HttpMethod method, String clientAddress, String clientId) {
        return limiter.check(applicable(method), clientAddress, clientId);
    }

    /** Answers a request {@link #verdict} refused: 429 with Retry-After, counted like the proxy's refusals. */
    public void refuse(RoutingContext ctx, Verdict verdict) {
        refused.increment();
        Rejections.send(ctx, verdict);
    }

    private ProxyResponse refuse(ProxyContext ctx, Verdict verdict) {
        refused.increment();
        return Rejections.instead(ctx, verdict);
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

}
