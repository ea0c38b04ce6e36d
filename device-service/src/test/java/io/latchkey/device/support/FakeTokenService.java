package io.latchkey.device.support;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Stands in for token-service's internal API (docs/internal-api.md) during device-service tests. Its state is
 * read back over HTTP ({@code GET /_stats}) because test resources and tests may live in different class loaders.
 */
public class FakeTokenService implements QuarkusTestResourceLifecycleManager {

    public static final String INTERNAL_SECRET = "dev-internal-secret";
    public static final String DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";
    public static final String CONFIDENTIAL_SECRET = "s3cr:et/+&x";

    /** client_id → client JSON; confidential ones also have a "secret" in SECRETS. */
    private static final Map<String, JsonObject> CLIENTS = Map.of(
            "cli", client("cli", "public", List.of(DEVICE_GRANT, "refresh_token"),
                    List.of("openid", "profile", "db:read", "db:write")),
            "tv", client("tv", "public", List.of(DEVICE_GRANT), List.of("db:read")),
            "web-app", client("web-app", "public", List.of("authorization_code"), List.of("db:read")),
            "conf:dev", client("conf:dev", "confidential", List.of(DEVICE_GRANT), List.of("db:read", "db:write")));
    private static final Map<String, String> SECRETS = Map.of("conf:dev", CONFIDENTIAL_SECRET);

    private Vertx vertx;
    private final AtomicInteger authenticateCalls = new AtomicInteger();
    private final AtomicInteger tokenCalls = new AtomicInteger();
    private final java.util.concurrent.atomic.AtomicBoolean failNextMint = new java.util.concurrent.atomic.AtomicBoolean();
    private final AtomicReference<JsonObject> lastTokenRequest = new AtomicReference<>(new JsonObject());

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        CompletableFuture<HttpServer> started = new CompletableFuture<>();
        vertx.createHttpServer()
                .requestHandler(request -> request.body().onSuccess(body -> handle(request, body.toString())))
                .listen(0, "127.0.0.1")
                .onSuccess(started::complete)
                .onFailure(started::completeExceptionally);
        try {
            int port = started.get(10, TimeUnit.SECONDS).actualPort();
            // the same stand-in answers consent-service's user-status route
            return Map.of("latchkey.services.token-url", "http://127.0.0.1:" + port,
                    "latchkey.services.consent-url", "http://127.0.0.1:" + port);
        } catch (Exception e) {
            throw new IllegalStateException("Fake token-service did not start", e);
        }
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close();
        }
    }

    private void handle(HttpServerRequest request, String body) {
        String path = request.path();
        if (path.equals("/_fail_next_mint")) {
            failNextMint.set(true);
            request.response().setStatusCode(204).end();
            return;
        }
        if (path.equals("/_stats")) {
            reply(request, 200, new JsonObject()
                    .put("authenticate", authenticateCalls.get())
                    .put("tokens", tokenCalls.get())
                    .put("last_token_request", lastTokenRequest.get()));
            return;
        }
        if (!INTERNAL_SECRET.equals(request.getHeader("X-Latchkey-Internal"))) {
            reply(request, 401, new JsonObject().put("error", "invalid_client"));
            return;
        }
        JsonObject json = body.isEmpty() ? new JsonObject() : new JsonObject(body);
        if (path.equals("/internal/clients/authenticate")) {
            authenticateCalls.incrementAndGet();
            authenticate(request, json);
        } else if (path.startsWith("/internal/users/")) {
            String userId = path.substring("/internal/users/".length());
            reply(request, 200, new JsonObject().put("user_id", userId).put("active", !userId.startsWith("disabled")));
        } else if (path.equals("/internal/tokens")) {
            tokenCalls.incrementAndGet();
            lastTokenRequest.set(json);
            if (failNextMint.getAndSet(false)) {
                reply(request, 503, new JsonObject().put("error", "temporarily_unavailable"));
                return;
            }
            mint(request, json);
        } else {
            reply(request, 404, new JsonObject().put("error", "not_found"));
        }
    }

    private void authenticate(HttpServerRequest request, JsonObject json) {
        String id = json.getString("client_id");
        String secret = json.getString("client_secret");
        JsonObject client = id == null ? null : CLIENTS.get(id);
        String expected = id == null ? null : SECRETS.get(id);
        boolean ok = client != null && (expected == null ? secret == null : expected.equals(secret));
        if (ok) {
            reply(request, 200, client);
        } else {
            reply(request, 401, new JsonObject().put("error", "invalid_client"));
        }
    }

    private void mint(HttpServerRequest request, JsonObject json) {
        JsonObject client = CLIENTS.get(json.getString("client_id"));
        if (client == null) {
            reply(request, 400, new JsonObject().put("error", "invalid_client"));
            return;
        }
        reply(request, 200, new JsonObject()
                .put("access_token", "at." + json.getString("subject") + "." + json.getString("grant_id"))
                .put("token_type", "Bearer")
                .put("expires_in", 300)
                .put("scope", json.getString("scope"))
                .put("refresh_token", "rt." + tokenCalls.get()));
    }

    private static void reply(HttpServerRequest request, int status, JsonObject body) {
        request.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.encode());
    }

    private static JsonObject client(String id, String type, List<String> grants, List<String> scopes) {
        return new JsonObject()
                .put("client_id", id)
                .put("client_name", "Test " + id)
                .put("client_type", type)
                .put("redirect_uris", new JsonArray())
                .put("grant_types", new JsonArray(grants))
                .put("scopes", new JsonArray(scopes))
                .put("homepage_uri", "https://example.test/" + id)
                .put("logo_uri", "https://example.test/" + id + ".png");
    }
}
