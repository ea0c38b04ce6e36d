package io.latchkey.gateway.proxy;

import java.io.IOException;

import io.vertx.core.VertxException;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.StreamResetException;
import io.vertx.httpproxy.ProxyContext;

/**
 * When a request that failed on a pooled connection may be sent once more, on a fresh connection.
 * <p>
 * The race: a service closes a keep-alive connection (idle timeout, shutdown, or right after an answer) while the
 * gateway is already sending the next request on it. The gateway then sees the connection close (or reset) before
 * a single byte of an answer, although the service is healthy. All of these must hold for a re-send:
 * <ol>
 * <li>The connection served an earlier request (HTTP/1.1 stream id above 1). A new connection that closes without
 * an answer is not this race: the service failed on this very request, and sending it again would not help.</li>
 * <li>The failure is the connection closing or being reset before the answer's head ({@link HttpClosedException},
 * a reset, an I/O error): a timeout means the service is slow, not gone, and may still be working on it. Once the
 * head has arrived the proxy has handed the answer on; nothing after that is retried.</li>
 * <li>The client is still there (a reset caused by the client leaving is no reason to send again).</li>
 * <li>The body can be sent again unchanged: the gateway read it whole ({@link BufferedBody}, the token endpoint's
 * form) or there is none.</li>
 * <li>Sending it twice cannot double an effect the client did not ask for. RFC 9110 §9.2.2: GET, HEAD, OPTIONS,
 * TRACE, PUT and DELETE are idempotent, so a client (or proxy) may repeat them when the connection failed before
 * the answer. A POST is re-sent only if it provably never reached the service's application; HTTP/1.1 without
 * pipelining gives the gateway no such proof: the write of the request into a socket whose peer's FIN is still in
 * flight succeeds just like one the service reads, and both then end in the same "connection closed". So a POST is
 * never re-sent: on this gateway's POST routes a second delivery is not harmless — a replayed authorization code
 * revokes the tokens issued for it (RFC 6749 §4.1.2), a replayed refresh token looks like reuse and revokes the
 * whole family (RFC 9700 §4.14.2), a doubled device_code poll can earn the client {@code slow_down} (RFC 8628
 * §3.5), a doubled sign-in or user-code attempt counts twice toward lock-out, and an admin POST creates twice. The
 * client gets 503 {@code temporarily_unavailable} with Retry-After and decides itself.</li>
 * </ol>
 */
public final class KeepAliveRace {

    private KeepAliveRace() {
    }

    /** True when the request that failed with {@code failure} is sent once more, on a fresh connection. */
    public static boolean resend(ProxyContext ctx, boolean reusedConnection, Throwable failure) {
        return reusedConnection
                && isLostConnection(failure)
                && !ctx.request().proxiedRequest().response().closed()
                && replayable(ctx)
                && idempotent(ctx.request().getMethod());
    }

    /** RFC 9110 §9.2.2: the methods whose intended effect is the same however often they are sent. */
    static boolean idempotent(HttpMethod method) {
        return method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS
                || method == HttpMethod.TRACE || method == HttpMethod.PUT || method == HttpMethod.DELETE;
    }

    static boolean isLostConnection(Throwable failure) {
        if (failure instanceof HttpClosedException || failure instanceof StreamResetException) {
            return true;
        }
        // "Connection reset by peer" and the like; a Vert.x timeout is a VertxException, never an IOException
        return failure instanceof IOException && !(failure instanceof VertxException);
    }

    private static boolean replayable(ProxyContext ctx) {
        return BufferedBody.of(ctx) != null || !BufferedBody.hasBody(ctx.request().proxiedRequest());
    }
}
