package io.latchkey.gateway.openapi;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.jboss.logging.Logger;

import io.latchkey.gateway.edge.EdgeResponses;
import io.latchkey.gateway.proxy.Upstream;
import io.latchkey.gateway.routes.Service;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code /openapi} and {@code /openapi/admin}: merged ({@link OpenApiMerge}) from the services' own documents, fetched
 * at start and again every {@code latchkey.gateway.openapi-refresh-interval}, and served from memory. Until the first
 * merge has every service's document the answer is 503 with Retry-After; afterwards a failed refresh keeps the last
 * good documents.
 */
public final class OpenApiDocuments {

    private static final Logger LOG = Logger.getLogger(OpenApiDocuments.class);
    private static final String SERVICE_DOCUMENT = "/q/openapi?format=json";
    private static final CharSequence APPLICATION_JSON = HttpHeaders.createOptimized("application/json");

    private final List<Upstream> services;
    private volatile Buffer publicDocument;
    private volatile Buffer adminDocument;

    /** The services whose documents are merged (each path from the one the route table sends it to). */
    public OpenApiDocuments(List<Upstream> services) {
        this.services = List.copyOf(services);
    }

    /** Fetches now, then every {@code refreshMillis}; a first failure is retried every second. */
    public void start(Vertx vertx, long refreshMillis) {
        refresh().onComplete(done -> {
            long next = publicDocument == null ? 1000 : refreshMillis;
            vertx.setTimer(next, id -> start(vertx, refreshMillis));
        });
    }

    Future<Void> refresh() {
        List<Future<JsonObject>> fetches = new ArrayList<>();
        for (Upstream service : services) {
            fetches.add(fetch(service));
        }
        return Future.all(fetches).map(all -> {
            Map<Service, JsonObject> docs = new EnumMap<>(Service.class);
            for (int i = 0; i < services.size(); i++) {
                docs.put(services.get(i).service(), fetches.get(i).result());
            }
            OpenApiMerge.Result pub = OpenApiMerge.publicDocument(docs);
            OpenApiMerge.Result admin = OpenApiMerge.adminDocument(docs);
            if (!pub.conflicts().isEmpty() || !admin.conflicts().isEmpty()) {
                LOG.warnf("OpenAPI components defined differently by two services (first kept): %s %s",
                        pub.conflicts(), admin.conflicts());
            }
            publicDocument = pub.document().toBuffer();
            adminDocument = admin.document().toBuffer();
            return (Void) null;
        }).onFailure(e -> LOG.debugf("OpenAPI documents not refreshed: %s", e.toString()));
    }

    private static Future<JsonObject> fetch(Upstream service) {
        RequestOptions options = new RequestOptions(service.origin()).setMethod(HttpMethod.GET).setURI(SERVICE_DOCUMENT);
        return service.client().request(options)
                .compose(request -> request.putHeader(HttpHeaders.ACCEPT, APPLICATION_JSON).send())
                .compose(response -> response.statusCode() == 200
                        ? response.body()
                        : Future.failedFuture(service.service().serviceName() + " answered " + response.statusCode()))
                .map(JsonObject::new);
    }

    public Handler<RoutingContext> publicHandler() {
        return handler(docs -> docs.publicDocument);
    }

    public Handler<RoutingContext> adminHandler() {
        return handler(docs -> docs.adminDocument);
    }

    private Handler<RoutingContext> handler(Function<OpenApiDocuments, Buffer> which) {
        return ctx -> {
            Buffer doc = which.apply(this);
            if (doc == null) {
                // RFC 9110 §10.2.3: not merged yet; tell the client when to retry
                ctx.response().putHeader("Retry-After", "1");
                EdgeResponses.send(ctx, 503, EdgeResponses.UNAVAILABLE);
                return;
            }
            ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, APPLICATION_JSON);
            EdgeResponses.secure(ctx.response().headers());
            ctx.response().end(doc);
        };
    }
}
