package io.latchkey.gateway.proxy;

import org.jboss.logging.Logger;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;

/**
 * vertx-http-proxy 4.5 bug: when the gateway answers a request itself (413, 429, a 400 for an unreadable body, a
 * 503 for an unreachable service) and the client has already gone when that answer is written,
 * {@code ProxiedResponse.sendResponse} resets an upstream request that never existed and throws a
 * NullPointerException, which Vert.x logs as an uncaught ERROR with a stack trace. Nothing is lost — the client is
 * gone — so exactly that failure is logged at DEBUG; every other uncaught exception still reaches the previous
 * handler (Quarkus', which logs it as ERROR).
 */
public final class ClientGoneFailures {

    private static final Logger LOG = Logger.getLogger(ClientGoneFailures.class);
    private static final String PROXIED_RESPONSE = "io.vertx.httpproxy.impl.ProxiedResponse";

    private ClientGoneFailures() {
    }

    public static void install(Vertx vertx) {
        Handler<Throwable> previous = vertx.exceptionHandler();
        vertx.exceptionHandler(failure -> {
            if (isProxyResetOfMissingUpstream(failure)) {
                LOG.debugf("A client left before the gateway's own answer was written (%s)", failure.getMessage());
            } else if (previous != null) {
                previous.handle(failure);
            } else {
                LOG.error("Uncaught exception", failure);
            }
        });
    }

    static boolean isProxyResetOfMissingUpstream(Throwable failure) {
        if (!(failure instanceof NullPointerException)) {
            return false;
        }
        StackTraceElement[] frames = failure.getStackTrace();
        return frames.length > 0 && PROXIED_RESPONSE.equals(frames[0].getClassName())
                && "lambda$sendResponse$2".equals(frames[0].getMethodName());
    }
}
