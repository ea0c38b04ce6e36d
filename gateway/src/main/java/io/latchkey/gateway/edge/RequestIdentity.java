package io.latchkey.gateway.edge;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.jboss.logging.MDC;

import io.latchkey.common.trace.RequestIds;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * Gives every request its {@code X-Request-Id} (README, "Logs"), before any other handler but the header check: it
 * is set on the request (so the proxy forwards it to the service), on the answer, and in the MDC (Quarkus keeps it in
 * the request's Vert.x duplicated context, so every gateway log line of the request carries it). An inbound id is
 * kept only from a trusted proxy ({@code latchkey.gateway.trusted-proxies}) and only when well formed
 * ({@link RequestIds#inbound}); from anyone else it is replaced, so clients cannot pick ids that collide with other
 * people's log lines.
 */
public final class RequestIdentity implements Handler<RoutingContext> {

    static final CharSequence HEADER = HttpHeaders.createOptimized(RequestIds.HEADER);
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(RequestIdentity.class);

    private final TrustedProxies trustedProxies;

    public RequestIdentity(TrustedProxies trustedProxies) {
        this.trustedProxies = trustedProxies;
    }

    @Override
    public void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        MultiMap headers = request.headers();
        String id = null;
        if (!trustedProxies.isEmpty() && headers.contains(HEADER) && trustedProxies.contains(ClientAddress.peer(request))) {
            List<String> lines = headers.getAll(HEADER);
            id = RequestIds.inbound(lines);
        }
        if (id == null) {
            id = fresh();
        }
        headers.set(HEADER, id);
        ctx.response().headers().set(HEADER, id);
        MDC.put(RequestIds.MDC_KEY, id);
        if (LOG.isDebugEnabled()) {
            // one line a request when asked for (this category at DEBUG); the id comes with the MDC
            LOG.debugf("%s %s", request.method(), request.path());
        }
        ctx.next();
    }

    /** 128 bits as 32 hex characters; unique, not secret (it is printed in logs and answers). */
    static String fresh() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long hi = random.nextLong();
        long lo = random.nextLong();
        char[] out = new char[32];
        for (int i = 0; i < 16; i++) {
            out[i] = HEX[(int) (hi >>> (60 - 4 * i)) & 0xf];
            out[16 + i] = HEX[(int) (lo >>> (60 - 4 * i)) & 0xf];
        }
        return new String(out);
    }
}
