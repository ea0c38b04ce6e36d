package io.latchkey.gateway.token;

import io.latchkey.gateway.edge.EdgeResponses;
import io.latchkey.gateway.limit.ClientKeys;
import io.latchkey.gateway.limit.RateLimiting;
import io.latchkey.gateway.proxy.BufferedBody;
import io.latchkey.gateway.proxy.Upstream;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;

/**
 * {@code POST /oauth/token}: reads the small form body once, picks the service from its grant_type and forwards the
 * same bytes and headers there (docs/internal-api.md, "Routing of the token endpoint").
 */
public final class GrantRouting implements ProxyInterceptor {

    private static final String UPSTREAM = "latchkey.upstream";
    private static final CharSequence CLOSE = HttpHeaders.createOptimized("close");

    /** The service chosen for the request by {@link #handleProxyRequest}. */
    public static Upstream chosen(ProxyContext ctx) {
        return ctx.get(UPSTREAM, Upstream.class);
    }

    private final Upstream tokenService;
    private final Upstream deviceService;
    private final int maxBody;
    private final RateLimiting limits;

    public GrantRouting(Upstream tokenService, Upstream deviceService, int maxBody, RateLimiting limits) {
        this.tokenService = tokenService;
        this.deviceService = deviceService;
        this.maxBody = maxBody;
        this.limits = limits;
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext ctx) {
        HttpServerRequest inbound = ctx.request().proxiedRequest();
        if (BoundedBody.announcedOver(inbound, maxBody)) {
            return Future.succeededFuture(tooLarge(ctx));
        }
        return BoundedBody.read(inbound, maxBody).transform(read -> {
            if (read.succeeded()) {
                return forward(ctx, read.result());
            }
            return Future.succeededFuture(read.cause() == BoundedBody.TOO_LARGE
                    ? tooLarge(ctx)
                    : BufferedBody.unreadable(ctx));
        });
    }

    private Future<ProxyResponse> forward(ProxyContext ctx, Buffer form) {
        FormScan scan = FormScan.of(form);
        // RFC 8628 §3.4: device_code polls go to device-service, which owns the polling state (one hop, one Redis trip)
        ctx.set(UPSTREAM, scan.deviceCodeGrant() ? deviceService : tokenService);
        BufferedBody.use(ctx, form);
        if (scan.deviceCodeGrant() || !limits.enabled()) {
            // RFC 8628 §3.5: polls are paced by device-service's slow_down, with no extra Redis round trip here
            return ctx.sendRequest();
        }
        String clientId = ClientKeys.basicClientId(ctx.request().proxiedRequest());
        return limits.checkThenSend(ctx, limits.applicable(ctx.request().getMethod()),
                clientId != null ? clientId : scan.clientId());
    }

    private static ProxyResponse tooLarge(ProxyContext ctx) {
        // RFC 9110 §15.5.14: 413 Content Too Large; the rest of the body is not read, so the connection closes
        ctx.request().proxiedRequest().response().putHeader(HttpHeaders.CONNECTION, CLOSE);
        return EdgeResponses.instead(ctx, 413, EdgeResponses.BODY_TOO_LARGE);
    }
}
