package io.latchkey.common.revocation;

/**
 * The kinds of deny-list entry an access token can match (docs/internal-api.md, "Revocations"): each has a wire name
 * (in {@code GET /internal/revocations}) and a Redis pub/sub channel ({@code <prefix>revoked-grants}, {@code -families},
 * {@code -jtis}, {@code -clients}).
 */
public enum RevocationKind {
    /** A revoked grant ({@code gid} claim): every token of an app the user revoked. */
    GRANT("grant", "revoked-grants"),
    /** A revoked refresh-token family ({@code sid} claim): RFC 7009 §2.1, RFC 9700 §4.14.2. */
    FAMILY("family", "revoked-families"),
    /** One revoked access token ({@code jti} claim): RFC 7009 §2.1. */
    JTI("jti", "revoked-jtis"),
    /**
     * A disabled or deleted client ({@code client_id} claim): every access token it was issued up to the revocation
     * ({@code iat <= revoked_at}); tokens issued after it is enabled again are not matched.
     */
    CLIENT("client", "revoked-clients");

    private final String wire;
    private final String channel;

    RevocationKind(String wire, String channel) {
        this.wire = wire;
        this.channel = channel;
    }

    public String wire() {
        return wire;
    }

    /** The pub/sub channel token-service publishes new entries of this kind on. */
    public String channel(String keyPrefix) {
        return keyPrefix + channel;
    }

    /** The kind with this wire name, or null. */
    public static RevocationKind fromWire(String wire) {
        for (RevocationKind k : values()) {
            if (k.wire.equals(wire)) {
                return k;
            }
        }
        return null;
    }
}
