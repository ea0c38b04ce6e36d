package io.latchkey.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server on a free loopback port that answers like RFC 8414 / 8628 / 6749 / 7009 say, from a script of
 * token-endpoint answers, and records every request it got.
 */
final class RfcServer implements AutoCloseable {

    /** One scripted answer. */
    record Reply(int status, String body, Map<String, String> headers) {
        static Reply json(int status, String body) {
            return new Reply(status, body, Map.of());
        }
    }

    /** One request as received. */
    record Received(Instant at, String method, String path, Map<String, String> form, Map<String, List<String>> headers,
                    String body) {
    }

    private final HttpServer server;
    final String issuer;
    final Deque<Reply> tokenReplies = new ArrayDeque<>();
    final Deque<Reply> apiReplies = new ArrayDeque<>();
    String announcedIssuer;
    int deviceInterval = 1;
    long expiresIn = 600;
    /** Replaces the whole device authorization answer when set. */
    String deviceAuthorizationBody;
    final List<Received> received = Collections.synchronizedList(new ArrayList<>());

    RfcServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        issuer = "http://127.0.0.1:" + server.getAddress().getPort();
        announcedIssuer = issuer;
        server.createContext("/", this::handle);
        server.start();
    }

    private synchronized void handle(HttpExchange ex) throws IOException {
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = ex.getRequestURI().getPath();
        Map<String, String> form = new LinkedHashMap<>();
        if (!body.isEmpty() && body.contains("=") && !body.trim().startsWith("{")) {
            for (String pair : body.split("&")) {
                String[] kv = pair.split("=", 2);
                form.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }
        received.add(new Received(Instant.now(), ex.getRequestMethod(), path, form, new LinkedHashMap<>(ex.getRequestHeaders()), body));
        Reply reply;
        switch (path) {
            case "/.well-known/oauth-authorization-server" -> reply = Reply.json(200, "{\"issuer\":\"" + announcedIssuer
                    + "\",\"token_endpoint\":\"" + issuer + "/oauth/token\",\"device_authorization_endpoint\":\"" + issuer
                    + "/oauth/device_authorization\",\"revocation_endpoint\":\"" + issuer + "/oauth/revoke\"}");
            case "/oauth/device_authorization" -> reply = deviceAuthorizationBody != null ? Reply.json(200, deviceAuthorizationBody) : Reply.json(200, "{\"device_code\":\"dc-1\",\"user_code\":\"WDJB-MJHT\","
                    + "\"verification_uri\":\"" + issuer + "/device\",\"verification_uri_complete\":\"" + issuer
                    + "/device?user_code=WDJB-MJHT\",\"expires_in\":" + expiresIn + ",\"interval\":" + deviceInterval + "}");
            case "/oauth/token" -> reply = tokenReplies.isEmpty()
                    ? Reply.json(400, "{\"error\":\"authorization_pending\"}") : tokenReplies.poll();
            case "/oauth/revoke" -> reply = Reply.json(200, "");
            default -> reply = apiReplies.isEmpty() ? Reply.json(404, "{\"error\":\"not_found\"}") : apiReplies.poll();
        }
        byte[] out = reply.body().getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        reply.headers().forEach((k, v) -> ex.getResponseHeaders().set(k, v));
        ex.sendResponseHeaders(reply.status(), out.length == 0 ? -1 : out.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(out);
        }
    }

    List<Received> to(String path) {
        synchronized (received) {
            return received.stream().filter(r -> r.path().equals(path)).toList();
        }
    }

    static String tokens(String access, String refresh, int expiresIn) {
        return "{\"access_token\":\"" + access + "\",\"token_type\":\"Bearer\",\"expires_in\":" + expiresIn
                + ",\"scope\":\"profile db:read\"" + (refresh == null ? "" : ",\"refresh_token\":\"" + refresh + "\"") + "}";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
