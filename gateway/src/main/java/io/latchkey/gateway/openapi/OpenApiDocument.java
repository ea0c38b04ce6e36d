package io.latchkey.gateway.openapi;

import org.jboss.logging.Logger;

import io.latchkey.gateway.edge.EdgeResponses;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.core.streams.ReadStream;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;

/**
 * Serves {@code /openapi/<service>} from that service's own {@code /q/openapi}, always fetched and served as JSON
 * (which YAML tools read too), with only the public API in it ({@link PublicApi}).
 */
public final class OpenApiDocument implements ProxyInterceptor {

    private static final Logger LOG = Logger.getLogger(OpenApiDocument.class);
    private static final String SERVICE_DOCUMENT = "/q/openapi?format=json";
    /** Far above any of our documents; a bigger answer is not one of them. */
    private static final int MAX_DOCUMENT = 4 * 1024 * 1024;
    private static final CharSequence APPLICATION_JSON = HttpHeaders.createOptimized("application/json");

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext ctx) {
        ctx.request().setURI(SERVICE_DOCUMENT);
        // the body is rewritten here, so it must arrive as plain JSON
        ctx.request().headers().remove(HttpHeaders.ACCEPT_ENCODING).remove(HttpHeaders.ACCEPT);
        return ctx.sendRequest();
    }

    @Override
    public Future<Void> handleProxyResponse(ProxyContext ctx) {
        ProxyResponse response = ctx.response();
        if (response.getStatusCode() != 200) {
            return ctx.sendResponse();
        }
        return read(response.getBody().stream())
                .map(body -> {
                    Buffer filtered = PublicApi.filter(new JsonObject(body)).toBuffer();
                    response.setBody(Body.body(filtered));
                    response.headers().set(HttpHeaders.CONTENT_TYPE, APPLICATION_JSON)
                            .remove(HttpHeaders.CONTENT_LENGTH).remove(HttpHeaders.ETAG);
                    return response;
                })
                .recover(failure -> {
                    LOG.warnf("Unusable OpenAPI document from %s: %s", ctx.request().proxiedRequest().path(),
                            failure instanceof DecodeException ? "not JSON" : failure.toString());
                    // never pass on a document that could not be filtered
                    return Future.succeededFuture(unavailable(response));
                })
                .flatMap(ignored -> ctx.sendResponse());
    }

    private static ProxyResponse unavailable(ProxyResponse response) {
        response.setStatusCode(503).setBody(Body.body(EdgeResponses.UNAVAILABLE));
        response.headers().clear();
        // RFC 9110 §10.2.3: tell the client when to retry a 503
        response.headers().set(HttpHeaders.CONTENT_TYPE, APPLICATION_JSON).set(HttpHeaders.CACHE_CONTROL, "no-store")
                .set("Retry-After", "1");
        return response;
    }

    private static Future<Buffer> read(ReadStream<Buffer> stream) {
        Promise<Buffer> promise = Promise.promise();
        Buffer body = Buffer.buffer();
        stream.exceptionHandler(promise::tryFail);
        stream.handler(chunk -> {
            if (body.length() + chunk.length() > MAX_DOCUMENT) {
                stream.handler(null);
                promise.tryFail(new IllegalStateException("OpenAPI document over " + MAX_DOCUMENT + " bytes"));
            } else {
                body.appendBuffer(chunk);
            }
        });
        stream.endHandler(end -> promise.tryComplete(body));
        stream.resume();
        return promise.future();
    }
}
