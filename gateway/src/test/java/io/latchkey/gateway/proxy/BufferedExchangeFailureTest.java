package io.latchkey.gateway.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.latchkey.gateway.routes.Service;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;

/** Whatever goes wrong in an exchange, its client gets an answer: 503 temporarily_unavailable, never a 500 or a hang. */
class BufferedExchangeFailureTest {

    private Vertx vertx;
    private HttpServer server;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        // a pool that cannot be had: the exchange fails before any future exists
        Upstream broken = new Upstream(Service.TOKEN, () -> {
            throw new IllegalStateException("no pool for this event loop");
        }, vertx.createHttpClient(), new RequestOptions().setHost("127.0.0.1").setPort(9));
        Router router = Router.router(vertx);
        router.post("/oauth/token").handler(ctx -> BufferedExchange.send(ctx, broken,
                MultiMap.caseInsensitiveMultiMap(), Buffer.buffer("grant_type=client_credentials")));
        server = await(vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1"));
    }

    @AfterEach
    void stop() {
        await(vertx.close());
    }

    @Test
    void anExceptionThrownWhileSendingIsA503() {
        HttpClient client = vertx.createHttpClient();
        // the body is asked for in the same callback as the response: later, it could have gone by unread
        HttpClientResponse[] answered = new HttpClientResponse[1];
        Buffer body = await(client.request(HttpMethod.POST, server.actualPort(), "127.0.0.1", "/oauth/token")
                .compose(request -> request.send(Buffer.buffer("x")))
                .compose(response -> {
                    answered[0] = response;
                    return response.body();
                }));
        HttpClientResponse response = answered[0];
        assertEquals(503, response.statusCode(), body.toString());
        assertEquals("1", response.getHeader("Retry-After"));
        assertEquals("temporarily_unavailable", new JsonObject(body).getString("error"));
        assertTrue(!body.toString().contains("IllegalStateException"), body.toString());
    }

    private static <T> T await(io.vertx.core.Future<T> future) {
        return future.toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
    }
}
