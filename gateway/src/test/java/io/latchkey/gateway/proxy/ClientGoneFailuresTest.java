package io.latchkey.gateway.proxy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ClientGoneFailuresTest {

    private static Throwable thrownAt(Throwable t, String className, String method) {
        t.setStackTrace(new StackTraceElement[] {
                new StackTraceElement(className, method, "X.java", 1),
                new StackTraceElement("io.vertx.core.impl.future.FutureImpl$4", "onFailure", "FutureImpl.java", 188)});
        return t;
    }

    @Test
    void onlyTheProxysResetOfAMissingUpstreamIsQuietened() {
        assertTrue(ClientGoneFailures.isProxyResetOfMissingUpstream(thrownAt(new NullPointerException("request is null"),
                "io.vertx.httpproxy.impl.ProxiedResponse", "lambda$sendResponse$2")));
        // the same NPE anywhere else, or another failure at that frame, is still an ERROR
        assertFalse(ClientGoneFailures.isProxyResetOfMissingUpstream(thrownAt(new NullPointerException(),
                "io.latchkey.gateway.routes.GatewayRouter", "init")));
        assertFalse(ClientGoneFailures.isProxyResetOfMissingUpstream(thrownAt(new IllegalStateException(),
                "io.vertx.httpproxy.impl.ProxiedResponse", "lambda$sendResponse$2")));
        assertFalse(ClientGoneFailures.isProxyResetOfMissingUpstream(thrownAt(new NullPointerException(),
                "io.vertx.httpproxy.impl.ProxiedResponse", "send")));
    }
}
