package io.latchkey.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One HTTP/1.1 exchange over a raw socket, bytes exactly as given (truly malformed requests included), with a hard
 * deadline. The answer is complete when its head and its Content-Length (or chunked) body have arrived, or the
 * server closed the connection.
 */
final class RawExchange {

    /** What came back; {@code status} is -1 when no status line arrived before the deadline or the close. */
    record Answer(int status, String head, String body, long millis, String failure) {
        boolean answered() {
            return status > 0;
        }
    }

    private RawExchange() {
    }

    static Answer send(int port, byte[] request, int deadlineMillis) {
        long start = System.nanoTime();
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(deadlineMillis);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request);
                out.flush();
            } catch (IOException closedEarly) {
                // the server may answer (413, 431, 400) and close before reading everything: read that answer
            }
            return read(socket.getInputStream(), start, deadlineMillis, isHead(request));
        } catch (IOException e) {
            return new Answer(-1, "", "", elapsed(start), e.toString());
        }
    }

    static Answer read(InputStream in, long start, int deadlineMillis, boolean head) throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        String failure = null;
        while (true) {
            if (elapsed(start) > deadlineMillis) {
                failure = "deadline";
                break;
            }
            int n;
            try {
                n = in.read(buf);
            } catch (SocketTimeoutException e) {
                failure = "deadline";
                break;
            } catch (IOException e) {
                failure = e.toString();
                break;
            }
            if (n < 0) {
                break;
            }
            received.write(buf, 0, n);
            if (complete(received.toByteArray(), head)) {
                break;
            }
        }
        String text = received.toString(StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (!text.startsWith("HTTP/1.") || text.length() < 12 || end < 0) {
            return new Answer(-1, text, "", elapsed(start), failure == null ? "no answer" : failure);
        }
        int status;
        try {
            status = Integer.parseInt(text.substring(9, 12));
        } catch (NumberFormatException e) {
            return new Answer(-1, text, "", elapsed(start), "bad status line");
        }
        return new Answer(status, text.substring(0, end), text.substring(end + 4), elapsed(start), failure);
    }

    private static boolean complete(byte[] bytes, boolean headRequest) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            return false;
        }
        String head = text.substring(0, end).toLowerCase(Locale.ROOT);
        if (headRequest || head.startsWith("http/1.1 1") || head.startsWith("http/1.1 204") || head.startsWith("http/1.1 304")) {
            return !head.startsWith("http/1.1 100");
        }
        int cl = head.indexOf("\r\ncontent-length:");
        if (cl >= 0) {
            int eol = head.indexOf("\r\n", cl + 2);
            String value = head.substring(cl + 17, eol < 0 ? head.length() : eol).trim();
            try {
                return bytes.length - (end + 4) >= Long.parseLong(value);
            } catch (NumberFormatException e) {
                return false;
            }
        }
        if (head.contains("\r\ntransfer-encoding: chunked")) {
            return text.endsWith("\r\n0\r\n\r\n") || text.substring(end + 4).startsWith("0\r\n\r\n");
        }
        return false; // read until the server closes
    }

    private static boolean isHead(byte[] request) {
        return request.length > 5 && new String(request, 0, 5, StandardCharsets.ISO_8859_1).equals("HEAD ");
    }

    private static long elapsed(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
