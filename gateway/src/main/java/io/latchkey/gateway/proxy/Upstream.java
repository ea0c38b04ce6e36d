package io.latchkey.gateway.proxy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import io.latchkey.gateway.routes.Service;
import io.netty.util.concurrent.FastThreadLocal;
import io.vertx.core.Future;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.httpproxy.OriginRequestProvider;
import io.vertx.httpproxy.ProxyContext;

/**
 * One service behind the gateway: where to connect, a keep-alive connection pool per event loop, and a client that
 * always opens a fresh connection (for the one re-send of {@link KeepAliveRace}).
 * <p>
 * A pool per event loop: a Vert.x client pool hands any idle connection to any caller, and a connection lives on
 * the event loop that opened it, so with one shared pool most requests were written by another thread than the one
 * holding the inbound connection (a cross-thread wake-up each way, and the answer written from a foreign thread).
 * Each event loop asks only its own pool, so the inbound connection, the upstream connection and every callback of
 * the request stay on one thread. {@code origin} is built once and only read afterwards.
 */
public final class Upstream implements OriginRequestProvider {

    private final Service service;
    private final RequestOptions origin;
    private final HttpClient fresh;
    private final List<HttpClient> pools = new CopyOnWriteArrayList<>();
    private final FastThreadLocal<HttpClient> pool;

    Upstream(Service service, Supplier<HttpClient> newPool, HttpClient fresh, RequestOptions origin) {
        this.service = service;
        this.origin = origin;
        this.fresh = fresh;
        this.pool = new FastThreadLocal<>() {
            @Override
            protected HttpClient initialValue() {
                HttpClient client = newPool.get();
                pools.add(client);
                return client;
            }
        };
    }

    public Service service() {
        return service;
    }

    public RequestOptions origin() {
        return origin;
    }

    /** The calling event loop's keep-alive pool for this service. */
    public HttpClient client() {
        return pool.get();
    }

    /** A request on a pooled keep-alive connection of the calling event loop (possibly one that served before). */
    @Override
    public Future<HttpClientRequest> create(ProxyContext ctx) {
        return pool.get().request(origin);
    }

    /** A request on a new connection, closed after its answer: never one the service may just have closed. */
    public Future<HttpClientRequest> createFresh() {
        return fresh.request(origin);
    }

    void close() {
        pools.forEach(HttpClient::close);
        fresh.close();
    }
}
