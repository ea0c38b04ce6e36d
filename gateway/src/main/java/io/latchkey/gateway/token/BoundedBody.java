package io.latchkey.gateway.token;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.VertxException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;

/** Reads a request body into memory, refusing to hold more than {@code limit} bytes. */
public final class BoundedBody implements Handler<Buffer> {

    /** The failure of a body over the limit; no stack trace, it is an answer not a bug. */
    public static final VertxException TOO_LARGE = new VertxException("request body over the limit", true);

    private static final Buffer EMPTY = Buffer.buffer(0);

    private final HttpServerRequest request;
    private final int limit;
    private final Promise<Buffer> promise = Promise.promise();
    private Buffer body;
    private boolean owned;

    private BoundedBody(HttpServerRequest request, int limit) {
        this.request = request;
        this.limit = limit;
    }

    /** True when Content-Length already announces more than {@code limit} bytes. */
    public static boolean announcedOver(HttpServerRequest request, int limit) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return false;
        }
        try {
            return Long.parseLong(length.trim()) > limit;
        } catch (NumberFormatException e) {
            return true; // Vert.x rejects malformed lengths before us; never buffer one
        }
    }

    public static Future<Buffer> read(HttpServerRequest request, int limit) {
        BoundedBody reader = new BoundedBody(request, limit);
        request.handler(reader);
        request.endHandler(end -> reader.promise.tryComplete(reader.body == null ? EMPTY : reader.body));
        request.exceptionHandler(reader.promise::tryFail);
        if (HttpHeaders.CONTINUE.toString().equalsIgnoreCase(request.getHeader(HttpHeaders.EXPECT))) {
            request.response().writeContinue(); // RFC 9110 §10.1.1: the body is wanted (the limit still applies)
        }
        request.resume();
        return reader.promise.future();
    }

    @Override
    public void handle(Buffer chunk) {
        if (promise.future().isComplete()) {
            return;
        }
        int size = (body == null ? 0 : body.length()) + chunk.length();
        if (size > limit) {
            request.handler(null);
            promise.tryFail(TOO_LARGE);
        } else if (body == null) {
            body = chunk; // the usual case: the whole form in one chunk, kept without copying
        } else {
            if (!owned) {
                body = Buffer.buffer(Math.min(limit, size * 2)).appendBuffer(body);
                owned = true;
            }
            body.appendBuffer(chunk);
        }
    }
}
