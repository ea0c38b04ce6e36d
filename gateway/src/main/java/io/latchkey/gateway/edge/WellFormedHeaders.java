package io.latchkey.gateway.edge;

import java.util.List;

import io.latchkey.common.error.OAuthError;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;

/**
 * RFC 9112 §3.2: a server MUST answer 400 to an HTTP/1.1 request without exactly one Host header. RFC 9110 §5.5: a
 * field value with control characters or obs-text (bytes above 0x7E) may be refused; the gateway refuses it rather
 * than forward it to a service whose parser drops the connection (the client would see a 503). Checked before any
 * route, because the proxy cannot build an upstream request without a Host (it would fail with an ERROR in the log).
 * RFC 9112 §6.3: a request whose Transfer-Encoding is anything but {@code chunked} has no length the gateway and the
 * proxies before it would agree on (request smuggling), or a coding it does not implement: 400, and the connection
 * closes, so that the bytes after the head are never read as another request.
 */
public final class WellFormedHeaders implements Handler<RoutingContext> {

    private static final Buffer MISSING_HOST = EdgeResponses.error(OAuthError.INVALID_REQUEST.with("Missing Host header."));

    private static final Buffer UNREADABLE_LENGTH = EdgeResponses.error(OAuthError.INVALID_REQUEST
            .with("Transfer-Encoding must be chunked alone: the length of this request cannot be determined."));

    private static final Buffer BAD_HEADER = EdgeResponses.error(
            OAuthError.INVALID_REQUEST.with("A header value holds characters HTTP does not allow."));

    @Override
    public void handle(RoutingContext ctx) {
        if (EdgeResponses.closing(ctx.request())) {
            // RFC 9112 §9.6: bytes after a head refused with Connection: close are never read as another request
            ctx.request().connection().close();
            return;
        }
        for (java.util.Map.Entry<String, String> header : ctx.request().headers()) {
            if (!isFieldValue(header.getValue())) {
                EdgeResponses.send(ctx, 400, BAD_HEADER);
                return;
            }
        }
        if (ctx.request().version() != HttpVersion.HTTP_2) {
            if (ctx.request().headers().get(HttpHeaders.TRANSFER_ENCODING) != null) {
                List<String> codings = ctx.request().headers().getAll(HttpHeaders.TRANSFER_ENCODING);
                if (!isChunkedAlone(codings)) {
                    // RFC 9112 §6.3: chunked not final is a 400; a coding the gateway does not implement (RFC 9112
                    // §6.1 suggests 501) is a 400 too: the client's request is at fault, never a 5xx
                    EdgeResponses.sendAndClose(ctx, 400, UNREADABLE_LENGTH);
                    return;
                }
            }
            List<String> hosts = ctx.request().headers().getAll(HttpHeaders.HOST);
            if (hosts.size() != 1 || hosts.get(0).isBlank()) {
                EdgeResponses.send(ctx, 400, MISSING_HOST);
                return;
            }
        }
        ctx.next();
    }

    /** True when the Transfer-Encoding lines name exactly one coding, chunked (RFC 9112 §7: case-insensitive). */
    static boolean isChunkedAlone(List<String> lines) {
        return lines.size() == 1 && lines.get(0).strip().equalsIgnoreCase("chunked");
    }

    /** RFC 9110 §5.5: field-value = VCHAR, SP and HTAB only (obs-text refused). */
    static boolean isFieldValue(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t') || c > 0x7e) {
                return false;
            }
        }
        return true;
    }
}
