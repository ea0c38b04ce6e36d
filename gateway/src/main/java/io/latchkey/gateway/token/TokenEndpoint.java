package io.latchkey.gateway.token;

import io.latchkey.gateway.edge.EdgeResponses;
import io.latchkey.gateway.edge.ForwardingHeaders;
import io.latchkey.gateway.limit.ClientKeys;
import io.latchkey.gateway.limit.RateLimiting;
import io.latchkey.gateway.proxy.BoundedBody;
import io.latchkey.gateway.proxy.BufferedExchange;
import io.latchkey.gateway.proxy.Upstream;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code POST /oauth/token}: reads the small form body once, picks the service from its grant_type and forwards the
 * same bytes there (docs/internal-api.md, "Routing of the token endpoint"), as a {@link BufferedExchange} rather
 * than through the generic proxy: the hottest route of the platform (device polls) in the fewest steps.
 */
public final class TokenEndpoint implements Handler<RoutingContext> {

    private final Upstream tokenService;
    private final Upstream deviceService;
    private final ForwardingHeaders forwarding;
    private final int maxBody;
    private final RateLimiting limits;

    public TokenEndpoint(Upstream tokenService, Upstream deviceService, ForwardingHeaders forwarding, int maxBody,
                         RateLimiting limits) {
        this.tokenService = tokenService;
        this.deviceService = deviceService;
        this.forwarding = forwarding;
        this.maxBody = maxBody;
        this.limits = limits;
    }

    @Override
    public void handle(RoutingContext ctx) {
        HttpServerRequest inbound = ctx.request();
        if (BoundedBody.announcedOver(inbound, maxBody)) {
            refuse(ctx, 413, EdgeResponses.BODY_TOO_LARGE);
            return;
        }
        BoundedBody.read(inbound, maxBody).onComplete(read -> {
            if (read.succeeded()) {
                forwardOr503(ctx, read.result());
            } else if (read.cause() == BoundedBody.TOO_LARGE) {
                refuse(ctx, 413, EdgeResponses.BODY_TOO_LARGE);
            } else {
                // a body the client broke off or mis-framed (a bad chunk) is its error: 400, not an outage's 503
                refuse(ctx, 400, EdgeResponses.UNREADABLE_BODY);
            }
        });
    }

    /** Runs in a callback, outside the router's own failure handling: nothing thrown may leave the client waiting. */
    private void forwardOr503(RoutingContext ctx, Buffer form) {
        try {
            forward(ctx, form);
        } catch (RuntimeException unexpected) {
            BufferedExchange.unavailable(ctx, unexpected);
        }
    }

    private void forward(RoutingContext ctx, Buffer form) {
        HttpServerRequest inbound = ctx.request();
        FormScan scan = FormScan.of(form);
        MultiMap headers = BufferedExchange.upstreamHeaders(inbound);
        // RFC 9700 §4.13: only what the gateway vouches for reaches the service
        String client = forwarding.apply(inbound, headers);
        if (scan.deviceCodeGrant()) {
            if (!limits.enabled() || !authenticates(inbound, scan)) {
                // RFC 8628 §3.4/§3.5: a public client's polls go to device-service, which owns the polling state and
                // paces them with slow_down: one hop, one Redis trip, no rate-limit round trip here
                BufferedExchange.send(ctx, deviceService, headers, form);
                return;
            }
            // a poll with client credentials makes device-service check a secret with token-service (RFC 6749
            // §2.3.1) before it looks at the code: that work is metered like any token request's, per IP only, so
            // that a made-up client_id buys no budget of its own
            checkThenSend(ctx, deviceService, headers, form, client, null);
            return;
        }
        if (!limits.enabled()) {
            BufferedExchange.send(ctx, tokenService, headers, form);
            return;
        }
        String basic = ClientKeys.basicClientId(inbound);
        checkThenSend(ctx, tokenService, headers, form, client, basic != null ? basic : scan.clientId());
    }

    private void checkThenSend(RoutingContext ctx, Upstream target, MultiMap headers, Buffer form, String client,
                               String clientId) {
        limits.verdict(ctx.request().method(), client, clientId).onComplete(checked -> {
            try {
                if (checked.failed() || checked.result().admitted()) {
                    BufferedExchange.send(ctx, target, headers, form); // the limiter fails open by itself
                } else {
                    limits.refuse(ctx, checked.result());
                }
            } catch (RuntimeException unexpected) {
                BufferedExchange.unavailable(ctx, unexpected); // a callback too: never a client left waiting
            }
        });
    }

    /** True when the request carries client credentials: an Authorization header or a client_secret field. */
    private static boolean authenticates(HttpServerRequest inbound, FormScan scan) {
        return scan.clientSecret() || inbound.headers().contains(HttpHeaders.AUTHORIZATION);
    }

    private static void refuse(RoutingContext ctx, int status, Buffer body) {
        // RFC 9110 §15.5.14 (413) / a broken body (400): the rest of the body is not read, so the connection closes
        EdgeResponses.sendAndClose(ctx, status, body);
    }
}
