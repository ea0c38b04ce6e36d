package io.latchkey.gateway.proxy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;

import org.junit.jupiter.api.Test;

import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.StreamResetException;
import io.vertx.core.impl.NoStackTraceTimeoutException;

class KeepAliveRaceRulesTest {

    @Test
    void onlyRfc9110IdempotentMethodsAreSentAgain() {
        // RFC 9110 §9.2.2
        for (HttpMethod method : new HttpMethod[] {HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS,
                HttpMethod.TRACE, HttpMethod.PUT, HttpMethod.DELETE}) {
            assertTrue(KeepAliveRace.idempotent(method), method.name());
        }
        for (HttpMethod method : new HttpMethod[] {HttpMethod.POST, HttpMethod.PATCH, HttpMethod.CONNECT}) {
            assertFalse(KeepAliveRace.idempotent(method), method.name());
        }
    }

    @Test
    void aClosedOrResetConnectionIsLostButATimeoutIsNot() {
        assertTrue(KeepAliveRace.isLostConnection(new HttpClosedException("Connection was closed")));
        assertTrue(KeepAliveRace.isLostConnection(new StreamResetException(0)));
        assertTrue(KeepAliveRace.isLostConnection(new IOException("Connection reset by peer")));
        // a slow service may still be working on the request
        assertFalse(KeepAliveRace.isLostConnection(new NoStackTraceTimeoutException("timeout")));
        assertFalse(KeepAliveRace.isLostConnection(new IllegalStateException("pool exhausted")));
    }
}
