package io.latchkey.gateway.support;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.latchkey.common.revocation.RevocationList;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;

/**
 * One real HTTP/1.1 keep-alive server standing in for token-, device- and consent-service, which closes a
 * connection without answering when a request asks it to: {@value #CLOSE_IF_REUSED} closes it when the connection
 * served a request before (what a service does when its keep-alive timeout fires just as the gateway's next
 * request arrives), {@value #ALWAYS_CLOSE} closes it always. Every other request gets a JSON echo naming the
 * connection it came on.
 */
public class ClosingServices implements QuarkusTestResourceLifecycleManager {

    public static final String CLOSE_IF_REUSED = "X-Test-Close-If-Reused";
    public static final String ALWAYS_CLOSE = "X-Test-Always-Close";

    /** Requests the server took and closed the connection on instead of answering. */
    public static final AtomicInteger CLOSED_UNANSWERED = new AtomicInteger();

    private Vertx vertx;
    /** Requests seen per open connection; only touched on the server's one event loop. */
    private final Map<HttpConnection, Integer> requestsOn = new HashMap<>();

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        HttpServer server = vertx.createHttpServer()
                .connectionHandler(connection -> {
                    requestsOn.put(connection, 0);
                    connection.closeHandler(closed -> requestsOn.remove(connection));
                })
                .requestHandler(this::handle)
                .listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
        String url = "http://127.0.0.1:" + server.actualPort();
        Map<String, String> config = new HashMap<>();
        config.put("latchkey.services.token-url", url);
        config.put("latchkey.services.device-url", url);
        config.put("latchkey.services.consent-url", url);
        config.put("latchkey.redis.key-prefix", "lk-gw-test-" + UUID.randomUUID().toString().substring(0, 8) + ":");
        return config;
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
        }
    }

    private void handle(HttpServerRequest request) {
        HttpConnection connection = request.connection();
        int before = requestsOn.merge(connection, 1, Integer::sum) - 1;
        if (request.getHeader(ALWAYS_CLOSE) != null || (request.getHeader(CLOSE_IF_REUSED) != null && before > 0)) {
            CLOSED_UNANSWERED.incrementAndGet();
            connection.close();
            return;
        }
        if ("/internal/revocations".equals(request.path())) {
            request.response().putHeader("Content-Type", "application/json")
                    .end(new RevocationList(List.of()).toJson());
            return;
        }
        request.body().onSuccess(body -> request.response().putHeader("Content-Type", "application/json")
                .end(new JsonObject()
                        .put("method", request.method().name())
                        .put("path", request.path())
                        .put("body", body.toString())
                        .put("requests_on_connection", before + 1)
                        .encode()));
    }
}
