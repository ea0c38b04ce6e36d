package io.latchkey.gateway.proxy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;

/** oauth-common's defaults put every service on Netty's epoll transport where it ships a library (issue 17). */
@QuarkusTest
@EnabledOnOs(value = OS.LINUX, architectures = {"amd64", "aarch64"})
class NativeTransportTest {

    @Inject
    Vertx vertx;

    @Test
    void theGatewaysServerAndUpstreamPoolsRunOnEpoll() {
        assertTrue(vertx.isNativeTransportEnabled(), () -> "on Java NIO: " + vertx.unavailableNativeTransportCause());
    }
}
