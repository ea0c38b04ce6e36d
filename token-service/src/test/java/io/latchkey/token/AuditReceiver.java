package io.latchkey.token;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;

/**
 * consent-service's side of {@code POST /internal/audit-events} (docs/internal-api.md) for token-service's tests:
 * an HTTP listener on a free port that keeps every event it is sent with the internal secret (204), refuses one
 * without it (401), and answers 503 while {@link #FAILING} is set, so a test can check both that every admin action
 * is audited and that nothing is done when the trail cannot be written. The real route is tested in consent-service
 * and end to end.
 */
public class AuditReceiver implements QuarkusTestResourceLifecycleManager {

    public static final List<JsonObject> EVENTS = new CopyOnWriteArrayList<>();
    public static final AtomicBoolean FAILING = new AtomicBoolean();

    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        HttpServer server = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
            if (!"/internal/audit-events".equals(request.path()) || !"POST".equals(request.method().name())) {
                request.response().setStatusCode(404).end();
            } else if (!Fixtures.INTERNAL_SECRET.equals(request.getHeader("X-Latchkey-Internal"))) {
                request.response().setStatusCode(401).end();
            } else if (FAILING.get()) {
                request.response().setStatusCode(503).end();
            } else {
                EVENTS.add(body.toJsonObject());
                request.response().setStatusCode(204).end();
            }
        }));
        try {
            server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return Map.of("latchkey.services.consent-url", "http://127.0.0.1:" + server.actualPort());
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close();
        }
    }
}
