package io.latchkey.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The malformed form bodies every form route must refuse with a fast 4xx (issue 9), and a raw poster that sends
 * exactly these bytes and Content-Type (rest-assured would add a charset).
 */
public final class HostileForms {

    public static final String FORM = "application/x-www-form-urlencoded";

    /** Bodies the one form reader refuses as {@code invalid_request}, whatever the route. */
    public static final List<String> BODIES = List.of(
            "return_to=%zz",                       // bad escape in the last field: hung consent-service
            "grant_type=%ZZ",
            "grant_type=client_credentials&client_id=%",
            "client_id=%00&token=x&grant_type=x",  // NUL: PostgreSQL rejects it
            "token=a%00b&grant_type=x&client_id=x",
            "grant_type=x%0d%0aSet-Cookie:%20x&client_id=x",
            "&=&",
            "=x",
            "client_id=%c3%28&grant_type=x",        // not UTF-8
            "client_id=%ff%fe%fd&grant_type=x",
            "client_id=" + "x".repeat(2049) + "&grant_type=x",
            "a=1&".repeat(1001));

    /** Binary garbage that is not a form at all. */
    public static final byte[] GARBAGE = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0, 0x10, 'J', 'F', 'I', 'F',
            0, (byte) 0x80, (byte) 0xc3, '%', 'z'};

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private static final Pattern INTERNALS = Pattern.compile("Exception|\\bat (io|java|org)\\.|java\\.|org\\.jboss|io\\.quarkus|io\\.vertx");

    private HostileForms() {
    }

    /** One untimed request first: the first answers of a fresh JVM pay for class loading and JIT. */
    public static void warmUp(URI uri) {
        for (int i = 0; i < 3; i++) {
            post(uri, FORM, "warm=up".getBytes(StandardCharsets.US_ASCII));
        }
    }

    public static HttpResponse<String> post(URI uri, String contentType, byte[] body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(3))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return send(b.build());
    }

    public static HttpResponse<String> post(URI uri, String body) {
        return post(uri, FORM, body.getBytes(StandardCharsets.ISO_8859_1));
    }

    public static HttpResponse<String> get(URI uri) {
        return send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(3)).GET().build());
    }

    /** The request answered within 2 s (a busy shared machine) with {@code status}, and nothing in it names a Java class or frame. */
    public static HttpResponse<String> assertRefusedQuickly(HttpResponse<String> response, long startedNanos, int status) {
        long millis = (System.nanoTime() - startedNanos) / 1_000_000;
        assertTrue(millis < 2000, "answered in " + millis + " ms");
        assertEquals(status, response.statusCode(), response.body());
        assertFalse(INTERNALS.matcher(response.body()).find(), "internals leaked: " + response.body());
        assertFalse(INTERNALS.matcher(response.headers().map().toString()).find(), "internals in headers");
        return response;
    }

    /** What a raw-socket GET got back (for queries java.net.URI refuses to build, such as a bad escape). */
    public record RawAnswer(int status, String head, String body, long millis) {
    }

    /** {@code GET pathAndQuery} sent byte for byte on a socket, with {@code Connection: close}. */
    public static RawAnswer rawGet(URI root, String pathAndQuery) {
        long start = System.nanoTime();
        try (Socket socket = new Socket("127.0.0.1", root.getPort())) {
            socket.setSoTimeout(3000);
            socket.getOutputStream().write(("GET /" + pathAndQuery + " HTTP/1.1\r\nHost: " + root.getHost()
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            String text = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            return new RawAnswer(Integer.parseInt(text.substring(9, 12)), text.substring(0, end), text.substring(end + 4),
                    (System.nanoTime() - start) / 1_000_000);
        } catch (IOException e) {
            throw new AssertionError(pathAndQuery + " failed: " + e, e);
        }
    }

    /**
     * {@code POST path} announcing a form of {@code announcedBytes} and sending only its first bytes, then reading the
     * answer: the server must refuse it from the Content-Length alone (413). A client that writes the whole body
     * while the server answers and closes can lose that answer to a TCP reset, so the test does not.
     */
    public static RawAnswer rawPostOverLimit(URI root, String path, int announcedBytes) {
        long start = System.nanoTime();
        try (Socket socket = new Socket("127.0.0.1", root.getPort())) {
            socket.setSoTimeout(3000);
            socket.getOutputStream().write(("POST /" + path + " HTTP/1.1\r\nHost: " + root.getHost()
                    + "\r\nContent-Type: " + FORM + "\r\nContent-Length: " + announcedBytes
                    + "\r\n\r\nclient_id=x&token=").getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            String text = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            return new RawAnswer(Integer.parseInt(text.substring(9, 12)), text.substring(0, end), text.substring(end + 4),
                    (System.nanoTime() - start) / 1_000_000);
        } catch (IOException | RuntimeException e) {
            throw new AssertionError(path + " failed: " + e, e);
        }
    }

    /** A raw answer within 2 s with {@code status}, naming no Java class or frame. */
    public static RawAnswer assertRefusedQuickly(RawAnswer a, int status) {
        assertTrue(a.millis() < 2000, "answered in " + a.millis() + " ms");
        assertEquals(status, a.status(), a.head() + a.body());
        assertFalse(INTERNALS.matcher(a.head() + a.body()).find(), "internals leaked: " + a.head() + a.body());
        return a;
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError(request.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
