package io.latchkey.gateway.proxy;

import io.latchkey.gateway.routes.Service;
import io.vertx.core.Future;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.httpproxy.OriginRequestProvider;
import io.vertx.httpproxy.ProxyContext;

/**
 * One service behind the gateway: its keep-alive connection pool, a client that always opens a fresh connection
 * (for the one re-send of {@link KeepAliveRace}), and where to connect. {@code origin} is built once and only read
 * afterwards, so opening a request allocates nothing of ours.
 */
public record Upstream(Service service, HttpClient client, HttpClient fresh, RequestOptions origin)
        implements OriginRequestProvider {

    /** A request on a pooled keep-alive connection (possibly one that served requests before). */
    @Override
    public Future<HttpClientRequest> create(ProxyContext ctx) {
        return client.request(origin);
    }

    /** A request on a new connection, closed after its answer: never one the service may just have closed. */
    public Future<HttpClientRequest> createFresh() {
        return fresh.request(origin);
    }
}
