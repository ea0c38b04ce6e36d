package io.latchkey.gateway.proxy;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.latchkey.gateway.edge.ConnectionOptions;
import io.latchkey.gateway.edge.EdgeResponses;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.RoutingContext;

/**
 * One request whose (small) body the gateway has read whole, sent to a service on the calling event loop's
 * keep-alive pool, and the answer, read whole, written back in one piece: the token endpoint's path, its hottest
 * (device polls, client_credentials, refresh). The same edge rules as the generic proxy of the other routes, in
 * fewer steps: the inbound headers are copied once, without the hop-by-hop ones ({@link HopByHop}), and the caller
 * then applies the forwarding rules to that copy (edge/ForwardingHeaders); the answer keeps the service's headers
 * but the hop-by-hop ones, gets a Date when it has none, and the edge's security headers. A service that cannot be
 * reached, fails before its answer, or answers more than {@link #MAX_ANSWER} bytes, gives the client 503
 * {@code temporarily_unavailable} (as {@link UpstreamFailure}); the request is never sent twice (a POST:
 * {@link KeepAliveRace}).
 */
public final class BufferedExchange {

    /** The largest answer read from a service (token responses are a few KiB). */
    public static final int MAX_ANSWER = 1 << 20;

    private BufferedExchange() {
    }

    /** The headers to send upstream: {@code inbound}'s, without the hop-by-hop ones, before the forwarding rules. */
    public static MultiMap upstreamHeaders(HttpServerRequest inbound) {
        MultiMap copy = MultiMap.caseInsensitiveMultiMap();
        for (Map.Entry<String, String> header : inbound.headers()) {
            if (!HopByHop.notForwardedUpstream(header.getKey())) {
                copy.add(header.getKey(), header.getValue());
            }
        }
        return copy;
    }

    /** Sends {@code body} with {@code headers} to {@code target} and answers the client with what comes back. */
    public static void send(RoutingContext ctx, Upstream target, MultiMap headers, Buffer body) {
        HttpServerRequest inbound = ctx.request();
        try {
            RequestOptions options = new RequestOptions(target.origin())
                    .setMethod(inbound.method())
                    .setURI(inbound.uri())
                    .setHeaders(headers);
            target.client().request(options)
                    .compose(request -> request.send(body))
                    .compose(response -> read(response).map(answer -> {
                        answer(inbound.response(), response, answer);
                        return answer;
                    }))
                    .onFailure(failure -> unavailable(ctx, failure));
        } catch (RuntimeException unexpected) {
            unavailable(ctx, unexpected); // never a client left waiting, nor a stack trace in its answer
        }
    }

    /**
     * The client's answer when the exchange failed, whatever the cause: logged ({@link UpstreamFailure#log}), and
     * 503 {@code temporarily_unavailable} unless an answer has already started.
     */
    public static void unavailable(RoutingContext ctx, Throwable failure) {
        HttpServerRequest inbound = ctx.request();
        UpstreamFailure.log(inbound.path(), failure);
        if (!inbound.response().ended() && !inbound.response().closed() && !inbound.response().headWritten()) {
            // RFC 6749 §4.1.2.1: temporarily_unavailable, sent with 503 and Retry-After
            EdgeResponses.send(ctx, 503, EdgeResponses.UNAVAILABLE);
        }
    }

    /** The service's answer, at most {@link #MAX_ANSWER} bytes: a longer one is a fault, its connection is closed. */
    private static Future<Buffer> read(HttpClientResponse response) {
        return BoundedBody.readStream(response, MAX_ANSWER).onFailure(failure -> {
            if (failure == BoundedBody.TOO_LARGE) {
                response.request().reset(); // the rest is never read: the connection cannot serve another request
            }
        });
    }

    private static void answer(HttpServerResponse reply, HttpClientResponse response, Buffer body) {
        if (reply.closed() || reply.ended()) {
            return; // the client has gone: nothing to answer
        }
        reply.setStatusCode(response.statusCode());
        MultiMap headers = reply.headers();
        // RFC 9110 §7.6.1: nor the headers the service's Connection header names (null: none, the usual case)
        Set<String> named = ConnectionOptions.named(response.headers());
        for (Map.Entry<String, String> header : response.headers()) {
            String name = header.getKey();
            if (!HopByHop.notForwardedDownstream(name)
                    && (named == null || !named.contains(name.toLowerCase(Locale.ROOT)))) {
                headers.add(name, header.getValue());
            }
        }
        if (!headers.contains(HttpHeaders.DATE)) {
            headers.set(HttpHeaders.DATE, HttpDate.now());
        }
        EdgeResponses.secure(headers);
        reply.end(body);
    }
}
