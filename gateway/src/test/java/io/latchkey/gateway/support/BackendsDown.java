package io.latchkey.gateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** Every service URL and Redis point at a port where nothing listens (nothing is mocked: the peers are just gone). */
public class BackendsDown implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        String dead = "http://127.0.0.1:" + closedPort();
        return Map.of(
                "latchkey.services.token-url", dead,
                "latchkey.services.device-url", dead,
                "latchkey.services.consent-url", dead,
                "quarkus.redis.hosts", "redis://127.0.0.1:" + closedPort());
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
