package io.latchkey.gateway.limit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Redis "up" but never answering: a local socket that accepts connections and reads nothing. The limiter must not
 * make requests wait for it more than once per circuit period. Tight limits, a 1 s Redis timeout and a long circuit.
 */
public class SilentRedis implements QuarkusTestProfile {

    private static final int PORT = blackHole();

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new java.util.HashMap<>(new TightLimits().getConfigOverrides());
        config.put("quarkus.redis.hosts", "redis://127.0.0.1:" + PORT);
        config.put("latchkey.rate-limit.redis-timeout", "PT1S");
        config.put("latchkey.rate-limit.circuit-open-for", "PT1M");
        return config;
    }

    private static int blackHole() {
        try {
            ServerSocket server = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
            List<Socket> held = new ArrayList<>();
            Thread acceptor = new Thread(() -> {
                while (!server.isClosed()) {
                    try {
                        held.add(server.accept()); // kept open, never read, never answered
                    } catch (IOException closed) {
                        return;
                    }
                }
            }, "silent-redis");
            acceptor.setDaemon(true);
            acceptor.start();
            return server.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
