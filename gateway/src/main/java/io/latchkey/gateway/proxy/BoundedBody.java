package io.latchkey.gateway.proxy;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.VertxException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.streams.ReadStream;

/** Reads a body (a request's, or a service's answer) into memory, refusing to hold more than {@code limit} bytes. */
public final class BoundedBody implements Handler<Buffer> {

    /** The failure of a body over the limit; no stack trace, it is an answer not a bug. */
    public static final VertxException TOO_LARGE = new VertxException("body over the limit", true);

    private static final Buffer EMPTY = Buffer.buffer(0);

    private final ReadStream<Buffer> stream;
    private final int limit;
    private final Promise<Buffer> promise = Promise.promise();
    private Buffer body;
    private boolean owned;

    private BoundedBody(ReadStream<Buffer> stream, int limit) {
        this.stream = stream;
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

    /** A request's body; fails with {@link #TOO_LARGE} past {@code limit}. */
    public static Future<Buffer> read(HttpServerRequest request, int limit) {
        BoundedBody reader = listen(request, limit);
        if (HttpHeaders.CONTINUE.toString().equalsIgnoreCase(request.getHeader(HttpHeaders.EXPECT))) {
            request.response().writeContinue(); // RFC 9110 §10.1.1: the body is wanted (the limit still applies)
        }
        request.resume();
        return reader.promise.future();
    }

    /** Any other body (a service's answer); fails with {@link #TOO_LARGE} past {@code limit}. */
    public static Future<Buffer> readStream(ReadStream<Buffer> stream, int limit) {
        BoundedBody reader = listen(stream, limit);
        stream.resume();
        return reader.promise.future();
    }

    private static BoundedBody listen(ReadStream<Buffer> stream, int limit) {
        BoundedBody reader = new BoundedBody(stream, limit);
        stream.handler(reader);
        stream.endHandler(end -> reader.promise.tryComplete(reader.body == null ? EMPTY : reader.body));
        stream.exceptionHandler(reader.promise::tryFail);
        return reader;
    }

    @Override
    public void handle(Buffer chunk) {
        if (promise.future().isComplete()) {
            return;
        }
        int size = (body == null ? 0 : body.length()) + chunk.length();
        if (size > limit) {
            stream.handler(null);
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
