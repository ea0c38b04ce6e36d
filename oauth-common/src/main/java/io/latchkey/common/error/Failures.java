package io.latchkey.common.error;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.TimeoutException;

/**
 * Turns any throwable into the RFC error the client should see. Backend outages (PostgreSQL or Redis
 * unreachable, connection dropped, pool timed out) become {@code temporarily_unavailable}; anything else
 * unexpected becomes {@code server_error}. Neither carries a class name or stack trace to the wire.
 */
public final class Failures {

    private Failures() {
    }

    public static OAuthException toOAuth(Throwable t) {
        if (t instanceof OAuthException oe) {
            return oe;
        }
        if (isBackendUnavailable(t)) {
            return OAuthError.TEMPORARILY_UNAVAILABLE.with("A backing service is unavailable; retry shortly.");
        }
        return OAuthError.SERVER_ERROR.with("The server could not complete the request.");
    }

    /** True when the failure (or a cause) means a database, cache or internal service could not be reached. */
    public static boolean isBackendUnavailable(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof ConnectException || c instanceof NoRouteToHostException
                    || c instanceof ClosedChannelException || c instanceof TimeoutException) {
                return true;
            }
            String name = c.getClass().getName();
            if (name.endsWith("ConnectionPoolTooBusyException") || name.endsWith("NoStackTraceTimeoutException")
                    || name.equals("io.vertx.core.http.impl.NoStackTraceTimeoutException")
                    || name.endsWith("ConnectTimeoutException")) {
                return true;
            }
            String msg = c.getMessage();
            if (msg != null && (msg.contains("Connection refused") || msg.contains("Connection is closed")
                    || msg.contains("Connection was closed") || msg.contains("Connection reset")
                    || msg.contains("Failed to connect") || msg.contains("closed connection")
                    || msg.contains("Timeout waiting for connection"))) {
                return true;
            }
        }
        return false;
    }
}
