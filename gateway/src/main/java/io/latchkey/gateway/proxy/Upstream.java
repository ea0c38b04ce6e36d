package io.latchkey.gateway.proxy;

import io.latchkey.gateway.routes.Service;
import io.vertx.core.Future;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.httpproxy.OriginRequestProvider;
import io.vertx.httpproxy.ProxyContext;

/**
 * One service behind the gateway: its keep-alive connection pool and where to connect. {@code origin} is built once
 * and only read afterwards, so opening a request allocates nothing of ours.
 */
public record Upstream(Service service, HttpClient client, RequestOptions origin) implements OriginRequestProvider {

    @Override
    public Future<HttpClientRequest> create(ProxyContext ctx) {
        return client.request(origin);
    }
}
