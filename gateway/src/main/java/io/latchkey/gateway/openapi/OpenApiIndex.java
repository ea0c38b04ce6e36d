package io.latchkey.gateway.openapi;

import java.util.List;
import java.util.stream.Collectors;

import io.latchkey.gateway.edge.EdgeResponses;
import io.latchkey.gateway.routes.Route;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/** {@code GET /openapi}: the list of OpenAPI documents published through the gateway, built once from the route table. */
public final class OpenApiIndex implements Handler<RoutingContext> {

    private static final CharSequence APPLICATION_JSON = HttpHeaders.createOptimized("application/json");

    private final Buffer index;

    public OpenApiIndex(List<Route> routes) {
        String documents = routes.stream()
                .filter(route -> route.kind() == Route.Kind.OPENAPI_DOCUMENT)
                .map(route -> "{\"service\":\"" + route.service().serviceName() + "\",\"url\":\"" + route.path() + "\"}")
                .collect(Collectors.joining(","));
        this.index = Buffer.buffer("{\"documents\":[" + documents + "]}");
    }

    @Override
    public void handle(RoutingContext ctx) {
        ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, APPLICATION_JSON);
        EdgeResponses.secure(ctx.response().headers());
        ctx.response().end(index);
    }
}
