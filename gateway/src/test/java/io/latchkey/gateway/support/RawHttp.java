package io.latchkey.gateway.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;

import io.restassured.RestAssured;
import io.vertx.core.json.JsonObject;

/**
 * Sends bytes exactly as written (no client-side path normalization, hand-made chunked bodies) and reads the whole
 * answer; requests end with {@code Connection: close}.
 */
public final class RawHttp {

    private RawHttp() {
    }

    public record Response(int status, String head, String body) {
        public JsonObject json() {
            return new JsonObject(body);
        }
    }

    public static Response exchange(String head, String... chunks) {
        return exchangeFrom("127.0.0.1", head, chunks);
    }

    /** As {@link #exchange}, from the local address {@code localIp} (any 127.x.y.z works on Linux loopback). */
    public static Response exchangeFrom(String localIp, String head, String... chunks) {
        try (Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), RestAssured.port,
                InetAddress.getByName(localIp), 0)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(head.getBytes(StandardCharsets.ISO_8859_1));
                for (String chunk : chunks) {
                    out.write(chunk.getBytes(StandardCharsets.ISO_8859_1));
                }
                out.flush();
            } catch (SocketException closedEarly) {
                // the gateway may answer and close before it has read everything (413): read that answer
            }
            String text = readAll(socket.getInputStream());
            int end = text.indexOf("\r\n\r\n");
            String responseHead = end < 0 ? text : text.substring(0, end);
            String body = end < 0 ? "" : text.substring(end + 4);
            int status = Integer.parseInt(responseHead.substring(9, 12));
            return new Response(status, responseHead, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A form POST, as the gateway's clients send it. */
    public static String formPost(String path, String form, String... headerLines) {
        StringBuilder head = new StringBuilder("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nConnection: close\r\n"
                + "Content-Length: " + form.getBytes(StandardCharsets.ISO_8859_1).length + "\r\n");
        for (String line : headerLines) {
            head.append(line).append("\r\n");
        }
        return head.append("\r\n").append(form).toString();
    }

    /** The value of a response header (first one, case-insensitive name), or null. */
    public static String header(Response response, String name) {
        for (String line : response.head().split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                return line.substring(colon + 1).trim();
            }
        }
        return null;
    }

    /** One chunk of a chunked body (RFC 9112 §7.1). */
    public static String chunk(String data) {
        return Integer.toHexString(data.getBytes(StandardCharsets.ISO_8859_1).length) + "\r\n" + data + "\r\n";
    }

    public static String lastChunk() {
        return "0\r\n\r\n";
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        byte[] bytes = new byte[8192];
        int n;
        try {
            while ((n = in.read(bytes)) > 0) {
                buffer.write(bytes, 0, n);
            }
        } catch (SocketException reset) {
            // connection closed by the server after its answer
        }
        return buffer.toString(StandardCharsets.ISO_8859_1);
    }
}
