package io.latchkey.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;

/**
 * Sends a request exactly as written, request target included (HTTP clients normalise {@code /./}, {@code //} and
 * escapes before sending, which would hide the very spellings a test is about), and reads the whole answer.
 */
public final class RawRequests {

    private RawRequests() {
    }

    public record Answer(int status, String head, String body) {
    }

    /** {@code METHOD target HTTP/1.1} on 127.0.0.1:{@code port} with the given extra header lines and body. */
    public static Answer send(int port, String method, String target, String headers, String body) {
        byte[] payload = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        String head = method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n"
                + (headers == null ? "" : headers)
                + (payload.length > 0 || "POST".equals(method) ? "Content-Length: " + payload.length + "\r\n" : "")
                + "\r\n";
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(head.getBytes(StandardCharsets.ISO_8859_1));
                out.write(payload);
                out.flush();
            } catch (SocketException closedEarly) {
                // the server may answer and close before reading everything: read that answer
            }
            String text = readAll(socket.getInputStream());
            int end = text.indexOf("\r\n\r\n");
            String responseHead = end < 0 ? text : text.substring(0, end);
            String responseBody = end < 0 ? "" : text.substring(end + 4);
            int status = responseHead.length() >= 12 ? Integer.parseInt(responseHead.substring(9, 12)) : -1;
            return new Answer(status, responseHead, responseBody);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        int n;
        try {
            while ((n = in.read(chunk)) >= 0) {
                buffer.write(chunk, 0, n);
            }
        } catch (SocketException reset) {
            // a server that closes right after answering may reset the connection: keep what arrived
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }
}
