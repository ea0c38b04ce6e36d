package io.latchkey.gateway.openapi;

import io.vertx.core.Future;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;

/** Serves {@code /openapi/<service>} from that service's own {@code /q/openapi}, keeping the query (e.g. format=json). */
public final class OpenApiDocument implements ProxyInterceptor {

    private static final String SERVICE_DOCUMENT = "/q/openapi";

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext ctx) {
        String query = ctx.request().proxiedRequest().query();
        ctx.request().setURI(query == null || query.isEmpty() ? SERVICE_DOCUMENT : SERVICE_DOCUMENT + "?" + query);
        return ctx.sendRequest();
    }
}
