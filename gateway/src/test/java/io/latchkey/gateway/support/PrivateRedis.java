package io.latchkey.gateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.latchkey.testsupport.FreePorts;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A redis-server of this test's own on a free loopback port, without persistence, so a test can stop and restart it
 * (a restart wipes everything, as a real Redis without persistence does) without touching the shared Redis.
 */
public class PrivateRedis implements QuarkusTestResourceLifecycleManager {

    private static int port;
    private static Process process;

    @Override
    public Map<String, String> start() {
        port = FreePorts.next(); // restarted on the same port: outside the ephemeral range
        startServer();
        return Map.of("quarkus.redis.hosts", "redis://127.0.0.1:" + port,
                // only the reconnect (not the periodic reload) may bring the owner's list in during these tests
                "latchkey.gateway.revocations-reload-interval", "PT1H");
    }

    @Override
    public void stop() {
        stopServer();
    }

    public static synchronized void startServer() {
        try {
            process = new ProcessBuilder(List.of("redis-server", "--port", String.valueOf(port), "--bind", "127.0.0.1",
                    "--save", "", "--appendonly", "no"))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new UncheckedIOException("redis-server must be installed for this test", e);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            try (Socket s = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                sleep(50);
            }
        }
        throw new IllegalStateException("redis-server did not start on port " + port);
    }

    public static synchronized void stopServer() {
        if (process != null) {
            process.destroy();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
