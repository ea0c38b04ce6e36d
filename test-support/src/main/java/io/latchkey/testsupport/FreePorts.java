package io.latchkey.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free loopback ports for servers a test starts itself and binds a moment later (a JVM, a redis-server). They are
 * taken below the kernel's ephemeral range ({@code net.ipv4.ip_local_port_range}): a port from that range, once the
 * probe releases it, may become the source port of any outgoing connection on the machine before the server binds
 * it ("Port … seems to be in use"). Below the range only an explicit bind can take it, and no port is handed out
 * twice by one JVM.
 */
public final class FreePorts {

    private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    /** Below the well-known and the usual registered service ports (PostgreSQL 5432, Redis 6379, 8080…). */
    private static final int LOWEST = 10_000;
    private static final int ATTEMPTS = 200;
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private FreePorts() {
    }

    /** A port nothing listens on now, outside the ephemeral range, not handed out before by this JVM. */
    public static int next() {
        int highest = ephemeralLow() - 1;
        if (highest <= LOWEST) {
            return anyFree();
        }
        for (int i = 0; i < ATTEMPTS; i++) {
            int candidate = ThreadLocalRandom.current().nextInt(LOWEST, highest + 1);
            if (HANDED_OUT.add(candidate)) {
                if (bindable(candidate)) {
                    return candidate;
                }
            }
        }
        throw new IllegalStateException("no free loopback port in " + LOWEST + "-" + highest);
    }

    static int ephemeralLow() {
        try {
            // not readString: a /proc file claims size 0, and readString then returned its first byte only
            String range = Files.readAllLines(EPHEMERAL_RANGE).get(0).trim();
            return Integer.parseInt(range.split("\\s+")[0]);
        } catch (IOException | RuntimeException notLinux) {
            return 49_152; // RFC 6335 §6: the dynamic range's start, where /proc does not say
        }
    }

    private static boolean bindable(int port) {
        try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    private static int anyFree() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            HANDED_OUT.add(s.getLocalPort());
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
