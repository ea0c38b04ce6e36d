package io.latchkey.common.client;

/**
 * The news that a client changed, pushed by token-service on the Redis channel {@code <prefix>client-changes}
 * (prefix-aware, like the revocation channels) after the change is committed in PostgreSQL. Every client cache in
 * every service (token-, device-, consent-service) drops the entry when it hears one, so a change takes effect on
 * every replica at once instead of after a cache TTL. Message: {@code "<kind> <client_id>"}.
 */
public record ClientChange(Kind kind, String clientId) {

    public enum Kind {
        CREATED("created"), UPDATED("updated"), DISABLED("disabled"), ENABLED("enabled"), DELETED("deleted"),
        SECRET_ROTATED("secret_rotated");

        private final String wire;

        Kind(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }

        /** Disabling or deleting a client revokes all its grants. */
        public boolean revokesGrants() {
            return this == DISABLED || this == DELETED;
        }

        public static Kind fromWire(String wire) {
            for (Kind k : values()) {
                if (k.wire.equals(wire)) {
                    return k;
                }
            }
            return null;
        }
    }

    /** The pub/sub channel: {@code latchkey.redis.key-prefix} + {@code client-changes}. */
    public static String channel(String keyPrefix) {
        return keyPrefix + "client-changes";
    }

    public String message() {
        return kind.wire() + " " + clientId;
    }

    /** The change a message announces, or null for a malformed message (ignored by listeners). */
    public static ClientChange parse(String message) {
        if (message == null) {
            return null;
        }
        int space = message.indexOf(' ');
        if (space < 1 || space == message.length() - 1) {
            return null;
        }
        Kind kind = Kind.fromWire(message.substring(0, space));
        String id = message.substring(space + 1);
        return kind == null || id.indexOf(' ') >= 0 ? null : new ClientChange(kind, id);
    }
}
