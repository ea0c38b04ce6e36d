package io.latchkey.gateway.edge;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.latchkey.common.trust.TrustHeaders;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;

/**
 * RFC 9700 §4.13: the gateway terminates the client connection, so it alone says who the client is. Forwarding and
 * client-certificate headers are believed only from a trusted proxy; Latchkey's internal headers never from anyone.
 */
public final class ForwardingHeaders implements ProxyInterceptor {

    static final CharSequence X_FORWARDED_FOR = HttpHeaders.createOptimized("X-Forwarded-For");
    static final CharSequence X_FORWARDED_PROTO = HttpHeaders.createOptimized("X-Forwarded-Proto");
    static final CharSequence X_FORWARDED_HOST = HttpHeaders.createOptimized("X-Forwarded-Host");
    static final CharSequence X_FORWARDED_PORT = HttpHeaders.createOptimized("X-Forwarded-Port");

    static final CharSequence CLIENT_IP = HttpHeaders.createOptimized(TrustHeaders.CLIENT_IP);
    static final CharSequence IDENTITY_PROOF = HttpHeaders.createOptimized(TrustHeaders.IDENTITY_PROOF);

    private final TrustedProxies trustedProxies;
    private final String identitySecret;

    /** {@code identitySecret} vouches for the X-Latchkey-* headers the gateway adds; blank: it vouches for nothing. */
    public ForwardingHeaders(TrustedProxies trustedProxies, String identitySecret) {
        this.trustedProxies = trustedProxies;
        this.identitySecret = identitySecret == null || identitySecret.isBlank() ? null : identitySecret;
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext ctx) {
        ClientAddress.remember(ctx, apply(ctx.request().proxiedRequest(), ctx.request().headers()));
        return ctx.sendRequest();
    }

    /**
     * Makes {@code headers}, the copy of {@code inbound}'s headers that goes to the service, say only what the
     * gateway vouches for; returns the client address it put in them (for the per-IP rate limits).
     */
    public String apply(HttpServerRequest inbound, MultiMap headers) {
        // RFC 9110 §7.6.1: first, so that nothing the gateway sets below can be named away
        ConnectionOptions.removeListed(inbound.headers(), headers);
        String peer = ClientAddress.peer(inbound);
        boolean trusted = trustedProxies.contains(peer);
        // computed before anything is stripped or appended: the chain as the trusted proxies delivered it
        String client = trusted ? ClientAddress.of(inbound, trustedProxies) : peer;
        strip(headers, trusted);
        // always overwritten (inbound X-Latchkey-* were just dropped): the one client address every service records
        headers.set(CLIENT_IP, client);
        if (identitySecret != null) {
            headers.set(IDENTITY_PROOF, identitySecret);
        }
        setForwardedFor(headers, peer, trusted);
        if (!trusted || !headers.contains(X_FORWARDED_PROTO)) {
            headers.set(X_FORWARDED_PROTO, inbound.scheme() == null ? "http" : inbound.scheme());
        }
        if (!trusted || !headers.contains(X_FORWARDED_HOST)) {
            setHost(headers, inbound);
        }
        if (!trusted || !headers.contains(X_FORWARDED_PORT)) {
            setPort(headers, inbound);
        }
        return client;
    }

    /** Removes what an untrusted peer may not say, and what nobody outside may say. */
    static void strip(MultiMap headers, boolean trusted) {
        List<String> drop = null;
        for (Map.Entry<String, String> header : headers) {
            String name = header.getKey();
            if (isInternal(name) || (!trusted && isForwardingOrClientCert(name))) {
                if (drop == null) {
                    drop = new ArrayList<>(4);
                }
                drop.add(name);
            }
        }
        if (drop != null) {
            for (String name : drop) {
                headers.remove(name);
            }
        }
    }

    /** X-Latchkey-Internal carries the service-to-service secret; other X-Latchkey-* headers carry identities. */
    static boolean isInternal(String name) {
        return startsWith(name, TrustHeaders.PREFIX);
    }

    static boolean isForwardingOrClientCert(String name) {
        return name.equalsIgnoreCase("forwarded")
                || startsWith(name, "x-forwarded-") // -for, -host, -proto, -port, -prefix, -client-cert, -ssl ...
                || name.equalsIgnoreCase("x-real-ip")
                || name.equalsIgnoreCase("x-client-ip")
                || name.equalsIgnoreCase("true-client-ip")
                || name.equalsIgnoreCase("x-original-forwarded-for")
                || startsWith(name, "x-client-cert") // X-Client-Cert, X-Client-Cert-Chain
                || startsWith(name, "x-ssl-") // X-SSL-Client-Cert, X-SSL-Client-Verify, X-SSL-Client-DN ...
                || startsWith(name, "ssl-client-") // SSL_CLIENT_* passed as headers
                || startsWith(name, "x-arr-clientcert");
    }

    private static void setForwardedFor(MultiMap headers, String peer, boolean trusted) {
        String chain = null;
        if (trusted) {
            List<String> hops = headers.getAll(X_FORWARDED_FOR); // several header lines form one list (RFC 9110 §5.3)
            chain = hops.isEmpty() ? null : hops.size() == 1 ? hops.get(0) : String.join(", ", hops);
        }
        headers.set(X_FORWARDED_FOR, chain == null || chain.isBlank() ? peer : chain + ", " + peer);
    }

    private static void setHost(MultiMap headers, HttpServerRequest inbound) {
        String host = inbound.headers().get(HttpHeaders.HOST);
        HostAndPort authority = host == null ? inbound.authority() : null;
        if (host != null || authority != null) {
            headers.set(X_FORWARDED_HOST, host != null ? host : authority.toString());
        }
    }

    private static void setPort(MultiMap headers, HttpServerRequest inbound) {
        HostAndPort authority = inbound.authority();
        int port = authority == null ? -1 : authority.port();
        if (port < 0) {
            port = inbound.isSSL() ? 443 : 80;
        }
        headers.set(X_FORWARDED_PORT, portString(port));
    }

    private static String portString(int port) {
        return switch (port) {
            case 80 -> "80";
            case 443 -> "443";
            case 8080 -> "8080";
            default -> Integer.toString(port);
        };
    }

    private static boolean startsWith(String name, String lowerCasePrefix) {
        return name.regionMatches(true, 0, lowerCasePrefix, 0, lowerCasePrefix.length());
    }
}
