package io.latchkey.gateway.support;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.latchkey.common.revocation.RevocationKind;
import io.latchkey.common.revocation.RevocationList;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;

/**
 * Stands in for the internal HTTP APIs of token-, device- and consent-service: three small Vert.x servers on free
 * ports that echo what reached them (service, method, path, query, headers, body) as JSON. token-service's
 * {@code /oauth/jwks} echo also carries the {@link TestTokens} keys, and its {@code /internal/revocations} answers
 * {@link #REVOCATIONS} (with the internal secret only). Each start gets its own Redis key prefix.
 */
public class StubServices implements QuarkusTestResourceLifecycleManager {

    /** A grant revoked before the gateway started: only the list loaded from token-service at start-up knows it. */
    public static final String REVOKED_BEFORE_START = "grant-revoked-before-start";
    /** What the stub token-service's durable record holds; tests add to it. */
    /** A client disabled before the gateway started (its tokens issued up to then are revoked). */
    public static final String CLIENT_DISABLED_BEFORE_START = "client-disabled-before-start";
    public static final long CLIENT_DISABLED_AT = System.currentTimeMillis();
    public static final List<RevocationList.Entry> REVOCATIONS = new CopyOnWriteArrayList<>(List.of(
            new RevocationList.Entry(RevocationKind.GRANT, REVOKED_BEFORE_START, System.currentTimeMillis() + 600_000),
            new RevocationList.Entry(RevocationKind.CLIENT, CLIENT_DISABLED_BEFORE_START,
                    CLIENT_DISABLED_AT + 600_000, CLIENT_DISABLED_AT)));
    /** How many times a gateway has loaded {@code /internal/revocations}. */
    public static final AtomicInteger REVOCATION_LOADS = new AtomicInteger();

    /** Every request URI that reached a stub service (to prove that a smuggled request never did). */
    public static final Set<String> SEEN_URIS = ConcurrentHashMap.newKeySet();

    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        Map<String, String> config = new HashMap<>();
        config.put("latchkey.services.token-url", "http://127.0.0.1:" + listen("token-service"));
        config.put("latchkey.services.device-url", "http://127.0.0.1:" + listen("device-service"));
        config.put("latchkey.services.consent-url", "http://127.0.0.1:" + listen("consent-service"));
        String prefix = "lk-gw-test-" + UUID.randomUUID().toString().substring(0, 8) + ":";
        config.put("latchkey.redis.key-prefix", prefix);
        return config;
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
        }
    }

    private int listen(String service) {
        HttpServer server = vertx.createHttpServer()
                .requestHandler(request -> echo(service, request))
                .listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
        return server.actualPort();
    }

    private static void echo(String service, HttpServerRequest request) {
        SEEN_URIS.add(request.uri());
        if ("token-service".equals(service) && "/internal/revocations".equals(request.path())) {
            boolean authenticated = "dev-internal-secret".equals(request.getHeader("X-Latchkey-Internal"));
            if (authenticated) {
                REVOCATION_LOADS.incrementAndGet();
            }
            request.response().setStatusCode(authenticated ? 200 : 401).putHeader("Content-Type", "application/json")
                    .end(authenticated ? new RevocationList(REVOCATIONS).toJson() : "{\"error\":\"invalid_client\"}");
            return;
        }
        request.body().onSuccess(body -> {
            JsonObject headers = new JsonObject();
            request.headers().forEach(header -> {
                String name = header.getKey().toLowerCase();
                String previous = headers.getString(name);
                headers.put(name, previous == null ? header.getValue() : previous + " | " + header.getValue());
            });
            JsonObject echo = new JsonObject()
                    .put("service", service)
                    .put("method", request.method().name())
                    .put("path", request.path())
                    .put("query", request.query())
                    .put("headers", headers)
                    .put("body", body.toString())
                    .put("upstream_connection", request.remoteAddress().port());
            String pad = request.getParam("pad");
            if (pad != null) {
                echo.put("pad", "x".repeat(Integer.parseInt(pad))); // an answer of about that many bytes
            }
            if ("token-service".equals(service) && "/oauth/jwks".equals(request.path())) {
                echo.put("keys", TestTokens.jwks());
            }
            request.response().putHeader("Content-Type", "application/json");
            String connectionOption = request.getParam("connection_option");
            if (connectionOption != null) {
                // RFC 9110 §7.6.1: a header this hop alone means, named in Connection, next to one that is kept
                request.response().putHeader("Connection", "keep-alive, " + connectionOption)
                        .putHeader(connectionOption, "hop-only").putHeader("X-Service-Kept", "kept");
            }
            String referrerPolicy = request.getParam("referrer_policy");
            if (referrerPolicy != null) {
                request.response().putHeader("Referrer-Policy", referrerPolicy);
            }
            request.response().end(echo.encode());
        });
    }
}
