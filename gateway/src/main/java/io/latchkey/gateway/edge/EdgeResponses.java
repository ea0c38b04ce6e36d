package io.latchkey.gateway.edge;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.latchkey.common.error.ErrorBody;
import io.latchkey.common.error.OAuthError;
import io.latchkey.common.error.OAuthException;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyResponse;

/**
 * The answers the gateway writes itself (never a proxy's default text page): RFC error JSON built once at start-up
 * and written as-is, on a route or in place of an upstream response.
 */
public final class EdgeResponses {

    public static final Buffer NOT_FOUND = json(OAuthError.NOT_FOUND.with("No such resource."));
    public static final Buffer NON_CANONICAL_PATH =
            json(OAuthError.INVALID_REQUEST.with("The request path must not contain dot segments or encoded unreserved characters."));
    public static final Buffer BODY_TOO_LARGE = json(OAuthError.INVALID_REQUEST.with("The request body is too large."));
    public static final Buffer UNREADABLE_BODY = json(OAuthError.INVALID_REQUEST.with("The request body could not be read."));
    public static final Buffer METHOD_NOT_ALLOWED =
            json(OAuthError.METHOD_NOT_ALLOWED.with("This document is only served to GET."));
    public static final Buffer UNAVAILABLE =
            json(OAuthError.TEMPORARILY_UNAVAILABLE.with("The service is temporarily unavailable; retry shortly."));

    private static final CharSequence APPLICATION_JSON = HttpHeaders.createOptimized("application/json");
    private static final CharSequence NO_STORE = HttpHeaders.createOptimized("no-store");
    private static final CharSequence PRAGMA = HttpHeaders.createOptimized("Pragma");
    private static final CharSequence NO_CACHE = HttpHeaders.createOptimized("no-cache");
    private static final CharSequence CLOSE = HttpHeaders.createOptimized("close");
    /** Connections marked to close after their answer: a request that still arrives on one is not routed. */
    private static final Set<HttpConnection> CLOSING = ConcurrentHashMap.newKeySet();
    private static final CharSequence RETRY_AFTER = HttpHeaders.createOptimized("Retry-After");
    private static final CharSequence ONE_SECOND = HttpHeaders.createOptimized("1");

    private EdgeResponses() {
    }

    /** Ends the exchange on a plain route with {@code status} and a prebuilt JSON body. */
    public static Future<Void> send(RoutingContext ctx, int status, Buffer body) {
        HttpServerResponse response = ctx.response().setStatusCode(status);
        MultiMap headers = response.headers();
        headers.set(HttpHeaders.CONTENT_TYPE, APPLICATION_JSON);
        errorHeaders(headers, status);
        secure(headers);
        return response.end(body);
    }

    /**
     * {@link #send}, then closes the HTTP/1.1 connection once the answer is written: for a request whose body is
     * never read, so no byte after its head is taken for another request (RFC 9112 §9.6: Connection: close).
     */
    public static void sendAndClose(RoutingContext ctx, int status, Buffer body) {
        // marked before the answer: Vert.x routes a pipelined request as soon as this answer is complete, before
        // the close below, and WellFormedHeaders drops it unrouted while the connection is marked
        closeAfterAnswer(ctx.request());
        try {
            send(ctx, status, body).onComplete(written -> closeIfMarked(ctx.request()));
        } catch (RuntimeException unexpected) {
            closeIfMarked(ctx.request());
            throw unexpected;
        }
    }

    /**
     * RFC 9112 §9.6: the answer to {@code inbound} says Connection: close, and the connection is closed once it is
     * written ({@link #closeIfMarked}; Vert.x itself closes only when the client asked to). For a refusal that leaves
     * the request's body unread. HTTP/2 streams are left alone: closing would end the client's other streams.
     */
    public static void closeAfterAnswer(HttpServerRequest inbound) {
        if (inbound.version() == HttpVersion.HTTP_2) {
            return;
        }
        inbound.response().putHeader(HttpHeaders.CONNECTION, CLOSE);
        CLOSING.add(inbound.connection());
    }

    /** Closes {@code inbound}'s connection when {@link #closeAfterAnswer} marked it. */
    public static void closeIfMarked(HttpServerRequest inbound) {
        if (closing(inbound)) {
            HttpConnection connection = inbound.connection();
            connection.close().onComplete(closed -> CLOSING.remove(connection));
        }
    }

    /** True when {@code inbound}'s connection is marked to close ({@link #closeAfterAnswer}). */
    public static boolean closing(HttpServerRequest inbound) {
        return !CLOSING.isEmpty() && CLOSING.contains(inbound.connection());
    }

    /** The edge's security headers on an answer the gateway writes itself. */
    public static void secure(MultiMap headers) {
        SecurityHeaders.addIfAbsent(headers);
    }

    /**
     * A response the proxy sends instead of the upstream's (which may not exist: the service could not be reached).
     * Interceptors still see it on the way out.
     */
    public static ProxyResponse instead(ProxyContext ctx, int status, Buffer body) {
        ProxyResponse response = ctx.request().release().response()
                .setStatusCode(status)
                .setBody(Body.body(body));
        MultiMap headers = response.headers();
        headers.set(HttpHeaders.CONTENT_TYPE, APPLICATION_JSON);
        errorHeaders(headers, status);
        return response;
    }

    private static void errorHeaders(MultiMap headers, int status) {
        // RFC 6749 §5.2: error responses from the token endpoint are not cacheable
        headers.set(HttpHeaders.CACHE_CONTROL, NO_STORE);
        headers.set(PRAGMA, NO_CACHE);
        if (status == 503) {
            // RFC 9110 §10.2.3: tell the client when to retry a 503
            headers.set(RETRY_AFTER, ONE_SECOND);
        }
    }

    /** An RFC error JSON body for an answer that carries a per-request description. */
    public static Buffer error(OAuthException e) {
        return json(e);
    }

    private static Buffer json(OAuthException e) {
        return Buffer.buffer(ErrorBody.json(e));
    }
}
