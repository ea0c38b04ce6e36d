package io.latchkey.gateway.proxy;

import java.util.concurrent.atomic.AtomicLong;

import org.jboss.logging.Logger;

import io.latchkey.common.error.Failures;
import io.latchkey.gateway.edge.EdgeResponses;
import io.vertx.core.Future;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;

/**
 * The outermost interceptor: when the service cannot be reached (refused, timed out, pool exhausted, a lost
 * connection {@link UpstreamHop} did not send again) the client gets RFC 6749 {@code temporarily_unavailable} with
 * 503, not the proxy's bare 502.
 */
public final class UpstreamFailure implements ProxyInterceptor {

    private static final Logger LOG = Logger.getLogger(UpstreamFailure.class);
    private static final long LOG_EVERY_MILLIS = 1000;
    private static final AtomicLong lastLogged = new AtomicLong();

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext ctx) {
        return ctx.sendRequest().recover(failure -> Future.succeededFuture(unavailable(ctx, failure)));
    }

    private static ProxyResponse unavailable(ProxyContext ctx, Throwable failure) {
        log(ctx.request().proxiedRequest().path(), failure);
        // RFC 6749 §4.1.2.1: temporarily_unavailable, sent with 503 and Retry-After
        return EdgeResponses.instead(ctx, 503, EdgeResponses.UNAVAILABLE);
    }

    /** Logs a failed upstream request of {@code path}: at most one line a second, a stack trace only when unexpected. */
    static void log(String path, Throwable failure) {
        long now = System.currentTimeMillis();
        long last = lastLogged.get();
        if (now - last < LOG_EVERY_MILLIS || !lastLogged.compareAndSet(last, now)) {
            return; // an outage fails every request: one line a second is enough
        }
        // a lost keep-alive connection that KeepAliveRace would not re-send (a POST, or lost twice) is a lost
        // connection like the others: one WARN line, no stack trace
        if (Failures.isBackendUnavailable(failure) || failure instanceof io.vertx.core.http.StreamResetException) {
            LOG.warnf("Upstream unavailable for %s: %s", path, failure.toString());
        } else {
            LOG.errorf(failure, "Upstream request failed for %s", path);
        }
    }
}
