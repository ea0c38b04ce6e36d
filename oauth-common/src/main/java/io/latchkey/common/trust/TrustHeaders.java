package io.latchkey.common.trust;

/**
 * The headers Latchkey's own hops add; the gateway drops every inbound {@code X-Latchkey-*} header, so only a
 * Latchkey hop can have set them. Each one is believed only next to the proof named here.
 */
public final class TrustHeaders {

    /** Service-to-service calls: carries {@code latchkey.internal.secret}; required on every {@code /internal/} route. */
    public static final String INTERNAL = "X-Latchkey-Internal";

    /**
     * Gateway to service: carries {@code latchkey.gateway.identity-secret}, the proof that the gateway set the
     * identity headers and {@link #CLIENT_IP} below. It never opens an {@code /internal/} route.
     */
    public static final String IDENTITY_PROOF = "X-Latchkey-Identity";

    /** The client's address as the gateway computed it (rightmost untrusted hop); the gateway always overwrites it. */
    public static final String CLIENT_IP = "X-Latchkey-Client-IP";

    /** RFC 6750: the verified access token's subject, client, scope and grant, set by the gateway on bearer routes. */
    public static final String SUBJECT = "X-Latchkey-Subject";
    public static final String CLIENT_ID = "X-Latchkey-Client-Id";
    public static final String SCOPE = "X-Latchkey-Scope";
    public static final String GRANT_ID = "X-Latchkey-Grant-Id";

    /** Every header above starts with this (compared case-insensitively). */
    public static final String PREFIX = "x-latchkey-";

    private TrustHeaders() {
    }
}
