package io.latchkey.common.vertx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;

class TransportReportTest {

    @Test
    @EnabledOnOs(value = OS.LINUX, architectures = {"amd64", "aarch64"})
    void saysEpollWhereTheNativeTransportIsLoaded() {
        Vertx vertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(true));
        try {
            assertEquals("Network transport: epoll (native)", TransportReport.describe(vertx));
        } finally {
            vertx.close();
        }
    }

    @Test
    void saysJavaNioAndWhyWhenTheNativeTransportIsOff() {
        Vertx vertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(false));
        try {
            assertEquals("Network transport: Java NIO (quarkus.vertx.prefer-native-transport=false)",
                    TransportReport.describe(vertx));
        } finally {
            vertx.close();
        }
    }
}
