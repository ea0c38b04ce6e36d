package io.latchkey.common.trust;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;

/**
 * The client's IP as a service records it (audit trail, device approval page, per-IP limits): the gateway's
 * {@link TrustHeaders#CLIENT_IP} when the request carries the gateway's identity proof, otherwise the socket peer.
 * X-Forwarded-For and Forwarded are never read here: the gateway alone decides who the client is (RFC 9700 §4.13).
 */
@ApplicationScoped
public class CallerAddress {

    /** Longest IPv6 text form with a zone id is well under this. */
    private static final int MAX_LENGTH = 64;

    private final GatewayProof proof;

    public CallerAddress(GatewayProof proof) {
        this.proof = proof;
    }

    public String of(HttpServerRequest request) {
        if (proof.present(request)) {
            List<String> values = request.headers().getAll(TrustHeaders.CLIENT_IP);
            if (values.size() == 1 && isAddress(values.get(0))) {
                return values.get(0);
            }
        }
        return peer(request);
    }

    private static String peer(HttpServerRequest request) {
        SocketAddress peer = request == null ? null : request.remoteAddress();
        String ip = peer == null ? null : peer.hostAddress();
        return ip == null || ip.isEmpty() ? "unknown" : ip;
    }

    /** An IPv4 or IPv6 literal (hex digits, dots, colons, a zone id), never a name or a list. */
    static boolean isAddress(String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')
                    || c == '.' || c == ':' || c == '%';
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
