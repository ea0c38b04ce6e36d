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
 */
public final class WellFormedHeaders implements Handler<RoutingContext> {

    private static final Buffer MISSING_HOST = EdgeResponses.error(OAuthError.INVALID_REQUEST.with("Missing Host header."));

    private static final Buffer BAD_HEADER = EdgeResponses.error(
            OAuthError.INVALID_REQUEST.with("A header value holds characters HTTP does not allow."));

    @Override
    public void handle(RoutingContext ctx) {
        for (java.util.Map.Entry<String, String> header : ctx.request().headers()) {
            if (!isFieldValue(header.getValue())) {
                EdgeResponses.send(ctx, 400, BAD_HEADER);
                return;
            }
        }
        if (ctx.request().version() != HttpVersion.HTTP_2) {
            List<String> hosts = ctx.request().headers().getAll(HttpHeaders.HOST);
            if (hosts.size() != 1 || hosts.get(0).isBlank()) {
                EdgeResponses.send(ctx, 400, MISSING_HOST);
                return;
            }
        }
        ctx.next();
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
